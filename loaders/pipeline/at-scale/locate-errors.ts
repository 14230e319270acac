/**
 * Turns the bad rows DuckDB found into the in-memory path's error messages: the first rows with a bad cell or a
 * repeated id are read again as text and given to validateExport, which words every error; the total is counted
 * in SQL. Record r (0-based) is on line r + 2 only when every record is one line and no blank line sits between
 * records; `recordsAreLines` checks that against the file's own line count.
 */
import {createReadStream} from "node:fs";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Codebook} from "../../codebook/codebook.ts";
import {fromDecimalComma} from "../../read/dutch-csv.ts";
import {InputErrors} from "../../input-error.ts";
import type {RawRow} from "../../read/raw-table.ts";
import {validateExport} from "../../validate/validate-export.ts";
import {applyMapping} from "../../read/mapping.ts";
import {badItemCount, badTextCount, quoteIdentifier, rawColumn, readExportCsv} from "./cell-sql.ts";

/** Physical lines of a file (a last line without a line break counts), read in chunks. */
export async function physicalLines(path: string): Promise<number> {
  let breaks = 0;
  let last = -1;
  for await (const chunk of createReadStream(path, {highWaterMark: 1 << 20}) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) breaks++;
    if (chunk.length) last = chunk[chunk.length - 1];
  }
  return breaks + (last >= 0 && last !== 10 ? 1 : 0);
}

/** True when record r (0-based, header excluded) is on line r + 2: one line per record, no blank lines. */
export async function recordsAreLines(path: string, records: number, multilineCells: number): Promise<boolean> {
  return multilineCells === 0 && (await physicalLines(path)) === records + 1;
}

export interface ErrorContext {
  file: string;
  /** The UTF-8 file DuckDB reads, its header and delimiter. */
  source: {path: string; header: string[]; delimiter: "," | ";"};
  /** Indexes (into the header) of the codebook columns. */
  kept: number[];
  /** Item cells with neither code nor label: when there are any, they are the errors (applyMapping stops first). */
  badItemCells: number;
  /** Otherwise: bad id and background cells plus repeated ids. */
  otherErrors: number;
  limit?: number;
}

export async function locateErrors(connection: DuckDBConnection, codebook: Codebook, context: ErrorContext): Promise<InputErrors> {
  const {file, source, kept, limit = 20} = context;
  const columns = kept.map((i) => source.header[i]);
  const id = quoteIdentifier(codebook.identifier.id);
  const idKnown = columns.includes(codebook.identifier.id);
  const repeated = idKnown
    ? `SELECT c.rowid FROM cells c JOIN (SELECT ${id} AS id, min(rowid) AS first FROM cells WHERE ${id} IS NOT NULL GROUP BY ${id} HAVING count(*) > 1) d ON c.${id} = d.id WHERE c.rowid > d.first`
    : "SELECT NULL::BIGINT WHERE false";
  const items = context.badItemCells > 0;
  const badRows = items ? `SELECT rowid AS r FROM cells WHERE ${badItemCount(codebook, columns)} > 0` : `SELECT rowid AS r FROM cells WHERE ${badTextCount(codebook, columns)} > 0 UNION ALL ${repeated}`;
  const bad = (await connection.runAndReadAll(`SELECT r FROM (${badRows}) GROUP BY r ORDER BY r LIMIT ${limit}`))
    .getRows()
    .map(([r]) => Number(r));
  // The first use of each repeated id, so that validateExport can say where it was used before.
  const first = idKnown && bad.length && !items
    ? (await connection.runAndReadAll(`SELECT min(c.rowid) FROM cells c JOIN (SELECT ${id} AS id FROM cells WHERE rowid IN (${bad.join(", ")})) b ON c.${id} = b.id GROUP BY c.${id}`)).getRows().map(([r]) => Number(r))
    : [];
  const wanted = [...new Set([...bad, ...first])].sort((a, b) => a - b);
  // Read those rows again as text. One thread: the scan, and so row_number(), follows the file.
  await connection.run("SET threads = 1");
  let rows: unknown[][];
  try {
    rows = (await connection.runAndReadAll(`SELECT r, ${kept.map((i) => `coalesce(${rawColumn(i)}, '')`).join(", ")}
      FROM (SELECT row_number() OVER () - 1 AS r, * FROM ${readExportCsv(source.path, source.header, source.delimiter)}) WHERE r IN (${wanted.join(", ")}) ORDER BY r`)).getRows();
  } finally {
    await connection.run("RESET threads");
  }
  const decimalComma = source.delimiter === ";";
  const table: RawRow[] = rows.map(([r, ...cells]) => ({line: Number(r) + 2, cells: cells.map((c) => (decimalComma ? fromDecimalComma(String(c)) : String(c)))}));
  // As the in-memory path: answer labels become codes (applyMapping, whose errors come first and alone), then validateExport.
  let errors: InputErrors["errors"] = [];
  try {
    validateExport(applyMapping({file, columns, rows: table, unit: "line"}, undefined, codebook), codebook);
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    errors = error.errors;
  }
  const reported = new Set(bad.map((r) => r + 2));
  return new InputErrors(errors.filter((e) => reported.has(e.location.line!)).slice(0, limit), {limit, total: items ? context.badItemCells : context.otherErrors});
}
