import {parse} from "csv-parse/sync";
import {InputError} from "../input-error.ts";
import {checkHeaderBytes, csvParseError, csvParseOptions} from "./csv-options.ts";
import {decodeText, type TextEncoding} from "./decode-text.ts";
import {READ_LIMITS} from "./limits.ts";
import type {RawRow, RawTable} from "./raw-table.ts";

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
  checkHeaderBytes(bytes.subarray(0, READ_LIMITS.maxHeaderBytes + 1), file);
  const text = decodeText(bytes, file, options.encoding);
  if (!text.trim()) throw new InputError({file, line: 1, expected: "a header line with column names", found: "an empty file"});
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let records: RawRow[];
  try {
    // csv-parse counts the line where the record ends; a record spans lines only inside quotes.
    const onRecord = (record: string[], context: {lines: number}) => ({line: context.lines, cells: record});
    records = parse(text, {...csvParseOptions(delimiter), on_record: onRecord as any}) as unknown as RawRow[];
  } catch (error) {
    throw csvParseError(error, file);
  }
  const [header, ...body] = records;
  const columns = header.cells;
  const blank = columns.findIndex((name) => name === "");
  if (blank >= 0) throw new InputError({file, line: header.line, column: blank + 1, expected: "a column name in every header cell", found: ""});
  if (body.length * columns.length > READ_LIMITS.maxCells) throw new InputError({file, line: body[Math.floor(READ_LIMITS.maxCells / columns.length)].line, expected: `at most ${READ_LIMITS.maxCells} cells (rows x columns) in one export; use the streaming validation for larger files`, found: `${body.length} rows of ${columns.length} columns`});
  const rows = body.map(({line, cells: record}) => {
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
