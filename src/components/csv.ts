// The project's one CSV writer, for node (the data loaders) and the browser (the SQL export) alike.
// Quoting is d3-dsv's (RFC 4180: a field with the delimiter, a quote or a line break is quoted, quotes doubled);
// this module adds what d3-dsv leaves to its caller: how a value becomes text, the line end, and the
// neutralisation of cells that a spreadsheet would run as a formula.
import {dsvFormat} from "d3-dsv";

export interface CsvOptions {
  /** Field delimiter (default ","). */
  delimiter?: string;
  /** Line end after every row, the last one included (default "\n"; the browser export uses "\r\n" as RFC 4180 does). */
  lineEnd?: "\n" | "\r\n";
  /**
   * Put a `'` before text cells that a spreadsheet would read as a formula (see neutraliseFormula). Use it for every
   * file a reader downloads from a query result, where the text may come from anyone; off by default, because the
   * data files of the pipeline hold only codes and labels that are checked against the codebook.
   */
  neutraliseFormulas?: boolean;
}

/**
 * Text for one CSV cell: "" for null, numbers with a decimal point (2.26, never 2,26), ISO 8601 dates
 * (2022-03-01 at midnight UTC, else with the time), JSON for lists and structs, and BigInt in full.
 */
export function csvCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
  return String(value);
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP, CSV injection): = + - @ tab and CR. */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain number written as text, with a decimal point or comma ("-0,5", "+1.5", "-2e3"): a spreadsheet reads it as a number, not a formula. */
const plainNumber = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * `'` + text when the text would start a formula in Excel, LibreOffice or Google Sheets, as OWASP advises against
 * CSV injection; the quote shows that the cell was changed and keeps it text. A plain number written as text
 * ("-0,5") is left alone, since it cannot run anything, and numbers that are numbers never pass through here.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** One row's fields as text: numbers stay numbers, text cells are neutralised when asked. */
function rowText(row: readonly unknown[], neutralise: boolean): string[] {
  return row.map((value) => {
    const text = csvCellText(value);
    return neutralise && typeof value === "string" ? neutraliseFormula(text) : text;
  });
}

/**
 * A CSV writer for one set of options: `header(columns)` and `rows(rows)` give text that ends in a line end,
 * so a long result can be written batch by batch and the pieces simply concatenated.
 */
export function csvWriter({delimiter = ",", lineEnd = "\n", neutraliseFormulas = false}: CsvOptions = {}) {
  const format = dsvFormat(delimiter);
  const line = (fields: string[]) => format.formatRow(fields) + lineEnd;
  return {
    header: (columns: readonly string[]) => line(rowText(columns, neutraliseFormulas)),
    rows(rows: Iterable<readonly unknown[]>): string {
      let text = "";
      for (const row of rows) text += line(rowText(row, neutraliseFormulas));
      return text;
    }
  };
}

/** A whole CSV file: a header row with `columns`, then `rows` (arrays in column order). Options: see CsvOptions. */
export function csvText(columns: readonly string[], rows: Iterable<readonly unknown[]>, options: CsvOptions = {}): string {
  const writer = csvWriter(options);
  return writer.header(columns) + writer.rows(rows);
}

/** A CSV file from objects, with `columns` (default: the keys of the first object) in that order. */
export function csvFromObjects(objects: readonly Record<string, unknown>[], columns: readonly string[] = Object.keys(objects[0] ?? {}), options: CsvOptions = {}): string {
  return csvText(
    columns,
    objects.map((o) => columns.map((c) => o[c])),
    options
  );
}
