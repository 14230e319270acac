// Parquet in the browser without DuckDB's parquet extension (which duckdb-wasm >= 1.29 downloads at run time, and
// this site is offline). hyparquet (small, pure JS, reads the snappy files DuckDB writes) decodes the file; the
// rows go to the page directly for the first draw. The conversion to Arrow for DuckDB lives in parquet-arrow.ts,
// so that apache-arrow (200 kB) stays off the path to the first chart.
import {parquetReadObjects} from "hyparquet";

export type ParquetRow = Record<string, unknown>;

/** Bytes as an ArrayBuffer of exactly their own length (hyparquet reads ArrayBuffers, not views). */
export function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (new Uint8Array(bytes).buffer as ArrayBuffer); // a copy: a Node Buffer's slice() is a view into a shared pool
}

/** All rows of a (flat) Parquet file as plain objects; INT64 columns arrive as bigint. */
export async function readParquetRows(bytes: Uint8Array | ArrayBuffer): Promise<ParquetRow[]> {
  return (await parquetReadObjects({file: toArrayBuffer(bytes)})) as ParquetRow[];
}
