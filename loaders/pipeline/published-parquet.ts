import {parquetBytes} from "../write/write-parquet.ts";
import {exportTables} from "./ingest.ts";
import {parquetMetadata} from "./provenance.ts";
import {siteData} from "./site-data.ts";
import {reconstructedExport} from "./site-source.ts";

/** The reconstructed responses (tests that need the reconstruction itself, whatever the site is built from). */
export const siteExport = reconstructedExport;

/**
 * One published table of the site's data (KV_EXPORT, see site-data.ts) as Parquet bytes, with the site's provenance
 * record in its footer (for a Framework data loader); or of the export `file`, with that file's sidecar note.
 */
export async function publishedParquet(table: "respondents" | "answers" | "items" | "response_options", file?: string): Promise<Uint8Array> {
  const {tables, metadata} = file
    ? await exportTables(file).then((e) => ({tables: e.tables, metadata: parquetMetadata(e.provenance)}))
    : await siteData().then((d) => ({tables: d.tables, metadata: parquetMetadata(d.sidecar, d.provenance)}));
  const wanted = tables.find((t) => t.name === table);
  if (!wanted) throw new Error(`invalid table ${table}`);
  return parquetBytes(wanted, metadata);
}
