// The result as a file or a snippet: CSV (RFC 4180), a Markdown table, and Parquet (written in JavaScript
// with hyparquet-writer, because DuckDB-WASM's parquet extension would be downloaded at run time).
import {parquetWriteBuffer} from "hyparquet-writer";
import {DataType, type Table} from "apache-arrow";
import {columnKind, plainValue} from "./columns.js";
import {displayValue, machineValue} from "./format.js";

/** CSV text with a header row; fields with the delimiter, quotes or line breaks are quoted. Options: `delimiter` (default ","). */
export function toCsv(columns: string[], rows: Iterable<unknown[]>, {delimiter = ","}: {delimiter?: string} = {}): string {
  const field = (text: string) => (text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [columns.map(field).join(delimiter)];
  for (const row of rows) lines.push(row.map((value) => field(machineValue(value))).join(delimiter));
  return lines.join("\r\n") + "\r\n";
}

/**
 * A GitHub-flavoured Markdown table with Dutch number formatting; pipes and line breaks in values are escaped.
 * Options: `numeric` marks columns to right-align; `maxRows` (default Infinity) adds a "… n more rows" line.
 */
export function toMarkdown(columns: string[], rows: unknown[][], {numeric = [] as boolean[], maxRows = Infinity, totalRows = rows.length} = {}): string {
  const cell = (text: string) => text.replaceAll("\\", "\\\\").replaceAll("|", "\\|").replace(/\r?\n/g, " ");
  const shown = rows.slice(0, maxRows);
  const lines = [
    `| ${columns.map(cell).join(" | ")} |`,
    `| ${columns.map((_, i) => (numeric[i] ? "---:" : "---")).join(" | ")} |`,
    ...shown.map((row) => `| ${row.map((v) => cell(displayValue(v))).join(" | ")} |`)
  ];
  if (totalRows > shown.length) lines.push("", `… nog ${totalRows - shown.length} rijen niet opgenomen`);
  return lines.join("\n") + "\n";
}

type ParquetType = "BOOLEAN" | "INT32" | "INT64" | "DOUBLE" | "STRING" | "TIMESTAMP";

/** The Parquet type for an Arrow column; anything without a natural match is written as text (JSON for nested values). */
function parquetType(type: DataType): ParquetType {
  if (DataType.isBool(type)) return "BOOLEAN";
  if (DataType.isInt(type)) return type.bitWidth === 64 ? "INT64" : type.bitWidth === 32 && !type.isSigned ? "INT64" : "INT32";
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return "DOUBLE";
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return "TIMESTAMP";
  return "STRING";
}

/** A Parquet file (snappy) with the columns and rows of an Arrow table, nulls kept. */
export function toParquet(table: Table): ArrayBuffer {
  const columnData = table.schema.fields.map((field, i) => {
    const vector = table.getChildAt(i)!;
    const type = parquetType(field.type);
    const kind = columnKind(field);
    const data: unknown[] = new Array(table.numRows);
    for (let r = 0; r < table.numRows; ++r) {
      const raw = vector.get(r);
      if (raw === null || raw === undefined) data[r] = null;
      else if (type === "INT64") data[r] = typeof raw === "bigint" ? raw : BigInt(raw as number);
      else if (type === "TIMESTAMP") data[r] = plainValue(raw, "date");
      else if (type === "STRING") data[r] = typeof raw === "string" ? raw : displayValue(plainValue(raw, kind));
      else if (type === "DOUBLE" || type === "INT32") data[r] = Number(plainValue(raw, "number"));
      else data[r] = raw;
    }
    return {name: field.name, data, type};
  });
  return parquetWriteBuffer({columnData: columnData as never});
}
