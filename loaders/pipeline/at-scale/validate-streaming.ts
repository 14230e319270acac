/**
 * The exact check of a large export in bounded memory: csv-parse reads the file as a stream (streamCsv), the
 * direct identifiers already found are left out, and rows go to validateExport in batches; so the errors are
 * the in-memory path's, word for word and in the same order. Used where SQL cannot be exact: files whose cells
 * csv-parse may read differently from DuckDB (spaces around a cell, a stray quote), files DuckDB cannot read,
 * and the positions of errors in files where a record spans lines or blank lines sit between records.
 */
import type {Codebook} from "../../codebook/codebook.ts";
import {streamCsv} from "../../formats/stream-csv.ts";
import {InputError, InputErrors} from "../../input-error.ts";
import type {TextEncoding} from "../../read/decode-text.ts";
import type {RawRow} from "../../read/raw-table.ts";
import {columnErrors, validateExport} from "../../validate/validate-export.ts";

export interface StreamingCheck {
  encoding: TextEncoding;
  delimiter: "," | ";";
  /** Indexes of the header columns that were not dropped as direct identifiers. */
  kept: number[];
  /** Errors shown (the rest are counted). */
  limit?: number;
  batchSize?: number;
}

/** Throws what the in-memory path throws for this file (a CSV error, or the validation errors); resolves with the row count. */
export async function validateStreaming(file: string, codebook: Codebook, check: StreamingCheck): Promise<number> {
  const {kept, limit = 20, batchSize = 5000} = check;
  const stream = await streamCsv(file, {encoding: check.encoding, delimiter: check.delimiter});
  const columns = kept.map((i) => stream.columns[i]);
  const idIndex = columns.indexOf(codebook.identifier.id);
  const firstLine = new Map<string, number>();
  const shown: InputError[] = [];
  let total = 0;
  let count = 0;
  let batch: RawRow[] = [];
  const flush = () => {
    if (!batch.length) return;
    let errors: InputError[] = [];
    try {
      validateExport({file, columns, rows: batch, unit: "line"}, codebook);
    } catch (error) {
      if (!(error instanceof InputErrors)) throw error;
      errors = error.errors;
    }
    // Ids used in an earlier batch: validateExport saw only this batch, so each repeat is reported here (against
    // the first line), in its place: the id is the first thing checked on a row.
    const earlier = new Set(batch.map((row) => row.cells[idIndex]).filter((id) => id && (firstLine.get(id) ?? Infinity) < batch[0].line));
    errors = errors.filter((e) => !(e.location.column === codebook.identifier.id && earlier.has(e.location.found ?? "")));
    for (const row of batch) {
      const id = row.cells[idIndex];
      if (!id) continue;
      const before = firstLine.get(id);
      if (before === undefined) firstLine.set(id, row.line);
      else if (before < batch[0].line)
        errors.push(new InputError({file, line: row.line, unit: "line", column: codebook.identifier.id, expected: `a respondent id not used before (${JSON.stringify(id)} is already on line ${before})`, found: id}));
    }
    const rank = (e: InputError) => (e.location.column === codebook.identifier.id ? 0 : 1);
    errors = errors.map((e, i) => ({e, i})).sort((a, b) => a.e.location.line! - b.e.location.line! || rank(a.e) - rank(b.e) || a.i - b.i).map(({e}) => e);
    total += errors.length;
    for (const e of errors) if (shown.length < limit) shown.push(e);
    batch = [];
  };
  // A CSV error (unclosed quote, wrong number of cells) stops the in-memory read before any validation: throw it alone.
  const headerErrors = columnErrors({file, columns, unit: "line"}, codebook);
  for await (const row of stream.rows) {
    count++;
    if (headerErrors.length) continue; // read on only for a CSV error, which the in-memory path reports first
    batch.push({line: row.line, cells: kept.map((i) => row.cells[i] ?? "")});
    if (batch.length >= batchSize) flush();
  }
  if (headerErrors.length) throw new InputErrors(headerErrors);
  flush();
  if (count === 0) validateExport({file, columns, rows: [], unit: "line"}, codebook);
  if (total) throw new InputErrors(shown, {limit, total});
  return count;
}
