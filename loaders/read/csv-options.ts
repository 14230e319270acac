/**
 * What the in-memory and the streaming CSV reader share: csv-parse's options (any mix of LF, CRLF and CR line
 * ends, as files edited on two systems have; the cell length limit), the mapping of csv-parse's errors to
 * InputErrors, and the checks on the header's raw bytes that run before anything is parsed (its size and
 * number of columns), so that a 4 MB header of a million columns is refused at once.
 */
import type {Options} from "csv-parse";
import {InputError} from "../input-error.ts";
import {READ_LIMITS} from "./limits.ts";

export function csvParseOptions(delimiter: "," | ";"): Options {
  return {delimiter, record_delimiter: ["\r\n", "\n", "\r"], skip_empty_lines: true, relax_column_count: true, trim: true, bom: true, max_record_size: READ_LIMITS.maxCellChars};
}

/** Checks the header line's size and column count on the raw bytes (`head` holds at least the first line or maxHeaderBytes). */
export function checkHeaderBytes(head: Uint8Array, file: string): void {
  let end = head.findIndex((b) => b === 0x0a || b === 0x0d);
  if (end < 0) end = head.length;
  if (end > READ_LIMITS.maxHeaderBytes) throw new InputError({file, line: 1, expected: `a header line of at most ${READ_LIMITS.maxHeaderBytes} bytes`, found: `more than ${READ_LIMITS.maxHeaderBytes} bytes before the first line end`});
  let commas = 0;
  let semicolons = 0;
  for (let i = 0; i < end; i++) (head[i] === 0x2c ? commas++ : head[i] === 0x3b ? semicolons++ : 0);
  const columns = Math.max(commas, semicolons) + 1;
  if (columns > READ_LIMITS.maxColumns) throw new InputError({file, line: 1, expected: `at most ${READ_LIMITS.maxColumns} columns in the header`, found: `${columns} columns`});
}

const KNOWN: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a closing double quote for the quoted cell that starts here",
  CSV_INVALID_CLOSING_QUOTE: "a delimiter or line end right after a closing double quote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "a delimiter or line end right after a closing double quote",
  CSV_MAX_RECORD_SIZE: `cells of at most ${READ_LIMITS.maxCellChars} characters (is a closing double quote missing?)`
};

export function csvParseError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  const e = error as {code?: string; lines?: number; message?: string; column?: number};
  const line = e.lines ?? Number(/line (\d+)/.exec(e.message ?? "")?.[1] ?? NaN);
  return new InputError({file, line: Number.isFinite(line) ? line : 1, expected: KNOWN[e.code ?? ""] ?? "well-formed CSV", found: e.message});
}
