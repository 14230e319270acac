import {parquetBytes} from "../write/write-parquet.ts";
import {exportTables} from "./ingest.ts";
import {parquetMetadata} from "./provenance.ts";
import {reconstructedExport, siteData} from "./site-data.ts";

/** The export the site is built from when no other is named. */
export const siteExport = reconstructedExport;

/** One published table of the site's data (or of `file`) as Parquet bytes (for a Framework data loader). */
export async function publishedParquet(table: "respondents" | "answers" | "items" | "response_options", file?: string): Promise<Uint8Array> {
  const {tables, sidecar} = file ? await exportTables(file).then((e) => ({tables: e.tables, sidecar: e.provenance})) : await siteData();
  const wanted = tables.find((t) => t.name === table);
  if (!wanted) throw new Error(`invalid table ${table}`);
  return parquetBytes(wanted, parquetMetadata(sidecar));
}
