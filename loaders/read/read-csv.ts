import {parse} from "csv-parse/sync";
import {InputError} from "../input-error.ts";
import {decodeText, type TextEncoding} from "./decode-text.ts";
import type {RawTable} from "./raw-table.ts";

export interface ReadCsvOptions {
  /** "," or ";"; by default taken from the header line (whichever occurs more often outside quotes). */
  delimiter?: "," | ";";
  encoding?: TextEncoding;
}

/**
 * Reads a survey tool's CSV export (comma or semicolon, UTF-8 with or without BOM) into a RawTable.
 * CSV parsing is csv-parse's (a well-kept, RFC 4180 parser with line numbers in its errors); this
 * module adds the checks a survey export needs: a header, the same number of cells on every line.
 */
export function readCsv(bytes: Uint8Array, file: string, options: ReadCsvOptions = {}): RawTable {
  const text = decodeText(bytes, file, options.encoding);
  if (!text.trim()) throw new InputError({file, line: 1, expected: "a header line with column names", found: "an empty file"});
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let records: {record: string[]; info: {lines: number}}[];
  try {
    records = parse(text, {delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true}) as unknown as typeof records;
  } catch (error) {
    throw csvParseError(error, file);
  }
  const [header, ...body] = records;
  const columns = header.record;
  const blank = columns.findIndex((name) => name === "");
  if (blank >= 0) throw new InputError({file, line: header.info.lines, column: blank + 1, expected: "a column name in every header cell", found: ""});
  const rows = body.map(({record, info}) => {
    // csv-parse counts the line where the record ends; a record spans lines only inside quotes.
    const line = info.lines;
    if (record.length !== columns.length) {
      const column = record.length > columns.length ? record.length : record.length + 1;
      throw new InputError({
        file,
        line,
        column,
        expected: `${columns.length} cells separated by "${delimiter}" as in the header`,
        found: `${record.length} cells`
      });
    }
    return {line, cells: record};
  });
  return {file, columns, rows, unit: "line"};
}

/** The delimiter used in the header line: "," or ";" (Dutch-locale tools write ";"). */
export function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function csvParseError(error: unknown, file: string): InputError {
  const e = error as {code?: string; lines?: number; message?: string; column?: number};
  const line = e.lines ?? Number(/line (\d+)/.exec(e.message ?? "")?.[1] ?? NaN);
  const known: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: "a closing double quote for the quoted cell that starts here",
    CSV_INVALID_CLOSING_QUOTE: "a delimiter or line end right after a closing double quote",
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "a delimiter or line end right after a closing double quote"
  };
  return new InputError({
    file,
    line: Number.isFinite(line) ? line : undefined,
    expected: known[e.code ?? ""] ?? "well-formed CSV",
    found: e.message
  });
}
