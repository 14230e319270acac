import {fileURLToPath} from "node:url";
import {parquetBytes} from "../write/write-parquet.ts";
import {exportTables} from "./ingest.ts";
import {parquetMetadata} from "./provenance.ts";

/** The export the site is built from. */
export const siteExport = fileURLToPath(new URL("../../data/raw/responses.csv", import.meta.url));

/** One published table of the site's export as Parquet bytes (for a Framework data loader). */
export async function publishedParquet(table: "respondents" | "answers" | "items" | "response_options", file = siteExport): Promise<Uint8Array> {
  const {tables, provenance} = await exportTables(file);
  const wanted = tables.find((t) => t.name === table);
  if (!wanted) throw new Error(`invalid table ${table}`);
  return parquetBytes(wanted, parquetMetadata(provenance));
}
