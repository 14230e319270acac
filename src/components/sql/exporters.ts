// The result as a file or a snippet: CSV (the project's one writer, ../csv.ts), a Markdown table, and Parquet
// (written in JavaScript with hyparquet-writer, because DuckDB-WASM's parquet extension would be downloaded).
// What leaves the page must be safe where it is opened: CSV cells that a spreadsheet would run as a formula are
// neutralised, Markdown carries no HTML, and a long result is written batch by batch instead of all at once.
import {parquetWriteBuffer} from "hyparquet-writer";
import {DataType, Table, type RecordBatch} from "apache-arrow";
import {csvText, csvWriter, type CsvOptions} from "../csv.js";
import {columnKind, decimalScale, plainValue, tableRows} from "./columns.js";
import {displayValue} from "./format.js";

/** How the workbench writes CSV: RFC 4180 line ends, formula cells neutralised (OWASP). */
export const csvExportOptions: CsvOptions = {lineEnd: "\r\n", neutraliseFormulas: true};

/** CSV text with a header row, as the workbench writes it. */
export function toCsv(columns: string[], rows: Iterable<unknown[]>): string {
  return csvText(columns, rows, csvExportOptions);
}

/**
 * A CSV file written piece by piece: `add(batch)` for each batch of a streamed result, then `blob()`.
 * Text is moved into Blob parts every `flushChars` characters (default 4 million), so that a result of
 * ten million rows never exists as one JavaScript string and no single step takes long.
 */
export function csvFile(columns: string[], {flushChars = 4_000_000}: {flushChars?: number} = {}) {
  const writer = csvWriter(csvExportOptions);
  const parts: Blob[] = [];
  let pending = writer.header(columns);
  let rows = 0;
  const flush = () => {
    if (pending) parts.push(new Blob([pending]));
    pending = "";
  };
  return {
    add(batch: RecordBatch | Table) {
      const table = batch instanceof Table ? batch : new Table([batch]);
      pending += writer.rows(tableRows(table));
      rows += table.numRows;
      if (pending.length >= flushChars) flush();
    },
    get rows() {
      return rows;
    },
    blob(): Blob {
      flush();
      return new Blob(parts, {type: "text/csv;charset=utf-8"});
    }
  };
}

/**
 * Markdown text of one cell: what would be markup is escaped, so that a value shows as itself wherever the
 * Markdown is rendered. Pipes and Markdown punctuation get a backslash; `<` before a letter, `/`, `!` or `?`
 * (an HTML tag or an autolink) and `&` that starts an entity (`&lt;`, `&#60;`) become entities. `<25.000` stays as it is.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\\`*|[\]~]/g, "\\$&")
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (match) => match.replace("_", "\\_"))
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
    .replace(/\r?\n|\r/g, " ");
}

/**
 * A GitHub-flavoured Markdown table with Dutch number formatting; values escaped with markdownCell.
 * Options: `numeric` marks columns to right-align; `maxRows` (default Infinity) and `totalRows` add a "… nog n rijen" line.
 */
export function toMarkdown(columns: string[], rows: unknown[][], {numeric = [] as boolean[], maxRows = Infinity, totalRows = rows.length} = {}): string {
  const shown = rows.slice(0, maxRows);
  const lines = [
    `| ${columns.map(markdownCell).join(" | ")} |`,
    `| ${columns.map((_, i) => (numeric[i] ? "---:" : "---")).join(" | ")} |`,
    ...shown.map((row) => `| ${row.map((v) => markdownCell(displayValue(v))).join(" | ")} |`)
  ];
  if (totalRows > shown.length) lines.push("", `… nog ${displayValue(totalRows - shown.length)} rijen niet opgenomen`);
  return lines.join("\n") + "\n";
}

/**
 * Above this many rows the Parquet file is built in memory in one step, which can hold the page for seconds:
 * the export bar asks first, with the row count.
 */
export const parquetWarningRows = 1_000_000;

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
    const scale = decimalScale(field);
    const data: unknown[] = new Array(table.numRows);
    for (let r = 0; r < table.numRows; ++r) {
      const raw = vector.get(r);
      if (raw === null || raw === undefined) data[r] = null;
      else if (type === "INT64") data[r] = typeof raw === "bigint" ? raw : BigInt(raw as number);
      else if (type === "TIMESTAMP") data[r] = plainValue(raw, "date");
      else if (type === "STRING") data[r] = typeof raw === "string" ? raw : displayValue(plainValue(raw, kind, scale));
      else if (type === "DOUBLE" || type === "INT32") data[r] = Number(plainValue(raw, "number", scale));
      else data[r] = raw;
    }
    return {name: field.name, data, type};
  });
  return parquetWriteBuffer({columnData: columnData as never});
}
