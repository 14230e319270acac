// A flat Parquet file as an Arrow table, for inserting into DuckDB-WASM (see parquet.ts for why not read_parquet).
import * as arrow from "apache-arrow";
import {parquetMetadata, parquetSchema} from "hyparquet";
import {readParquetRows, toArrayBuffer} from "./parquet.js";

/** The Arrow type for one flat Parquet column. */
function arrowType(element: {type?: string; converted_type?: string; logical_type?: {type?: string}}): arrow.DataType {
  switch (element.type) {
    case "BOOLEAN":
      return new arrow.Bool();
    case "INT32":
      return element.converted_type === "DATE" ? new arrow.DateDay() : new arrow.Int32();
    case "INT64":
      return new arrow.Int64();
    case "FLOAT":
      return new arrow.Float32();
    case "DOUBLE":
      return new arrow.Float64();
    case "BYTE_ARRAY":
    case "FIXED_LEN_BYTE_ARRAY":
      return new arrow.Utf8();
    default:
      throw new Error(`invalid parquet column type: ${element.type}`);
  }
}

/** A flat Parquet file as an Arrow table with the file's own column types (nulls kept). */
export async function parquetToArrow(bytes: Uint8Array | ArrayBuffer): Promise<arrow.Table> {
  const buffer = toArrayBuffer(bytes);
  const schema = parquetSchema(parquetMetadata(buffer));
  const rows = await readParquetRows(buffer);
  const columns: Record<string, arrow.Vector> = {};
  for (const child of schema.children) {
    const name = child.element.name;
    const type = arrowType(child.element as any);
    const values = rows.map((row) => {
      const value = row[name];
      if (value == null) return null;
      if (type instanceof arrow.Int64) return BigInt(value as number | bigint);
      if (type instanceof arrow.Int32) return Number(value);
      if (type instanceof arrow.DateDay) return value instanceof Date ? value : new Date(value as string);
      return value;
    });
    columns[name] = arrow.vectorFromArray(values, type);
  }
  return new arrow.Table(columns);
}
