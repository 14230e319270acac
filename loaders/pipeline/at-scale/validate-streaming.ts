/**
 * The exact check of a large export in bounded memory: csv-parse reads the file as a stream (streamCsv), the
 * direct identifiers already found are left out, and rows go to applyMapping and validateExport in batches; so the errors are
 * the in-memory path's, word for word and in the same order. Used where SQL cannot be exact: files whose cells
 * csv-parse may read differently from DuckDB (spaces around a cell, a stray quote), files DuckDB cannot read,
 * and the positions of errors in files where a record spans lines or blank lines sit between records.
 */
import type {Codebook} from "../../codebook/codebook.ts";
import {applyMapping} from "../../read/mapping.ts";
import {streamCsv} from "../../read/stream-csv.ts";
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
  const mappingShown: InputError[] = [];
  let total = 0;
  let mappingTotal = 0;
  let count = 0;
  let batch: RawRow[] = [];
  const flush = () => {
    if (!batch.length) return;
    // As the in-memory path: answer labels become codes first (applyMapping); its errors, when there are any in
    // the file, are the only ones reported.
    let mapped;
    try {
      mapped = applyMapping({file, columns, rows: batch, unit: "line"}, undefined, codebook);
    } catch (error) {
      if (!(error instanceof InputErrors)) throw error;
      mappingTotal += error.errors.length;
      for (const e of error.errors) if (mappingShown.length < limit) mappingShown.push(e);
    }
    let errors: InputError[] = [];
    try {
      if (mapped && !headerErrors.length) validateExport(mapped, codebook);
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
  // The in-memory order: a CSV error (the whole file is read first), then answer cells that are neither code nor
  // label, then the header, then an empty file, then the rows.
  const headerErrors = columnErrors({file, columns, unit: "line"}, codebook);
  for await (const row of stream.rows) {
    count++;
    batch.push({line: row.line, cells: kept.map((i) => row.cells[i] ?? "")});
    if (batch.length >= batchSize) flush();
  }
  flush();
  if (mappingTotal) throw new InputErrors(mappingShown, {limit, total: mappingTotal});
  if (headerErrors.length) throw new InputErrors(headerErrors);
  if (count === 0) validateExport({file, columns, rows: [], unit: "line"}, codebook);
  if (total) throw new InputErrors(shown, {limit, total});
  return count;
}
