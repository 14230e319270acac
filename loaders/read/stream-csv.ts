/**
 * Streaming CSV: a large export is read chunk by chunk (fs stream -> TextDecoder -> csv-parse's stream
 * parser), never whole. `streamCsv` yields the header and then rows one at a time; `validateCsvStream`
 * feeds those rows in batches to validateExport, so a file of any size is checked in bounded
 * memory with the same messages as the in-memory path (duplicate ids are tracked across batches).
 */
import {createReadStream} from "node:fs";
import {open} from "node:fs/promises";
import {parse} from "csv-parse";
import type {Codebook} from "../codebook/codebook.ts";
import {InputError, InputErrors} from "../input-error.ts";
import {checkHeaderBytes, csvParseError, csvParseOptions} from "./csv-options.ts";
import {firstInvalidUtf8Offset, lineAndColumnOfByte, type TextEncoding} from "./decode-text.ts";
import {detectDelimiter} from "./read-csv.ts";
import type {RawRow, RawTable} from "./raw-table.ts";
import {validateExport} from "../validate/validate-export.ts";
import {detectEncoding, fromDecimalComma} from "./dutch-csv.ts";

export interface StreamCsvOptions {
  encoding?: TextEncoding;
  delimiter?: "," | ";";
  /** Convert decimal commas; default: when the delimiter is ";". */
  decimalComma?: boolean;
  /** Bytes per read; default 64 KiB. */
  chunkSize?: number;
}

export interface CsvStream {
  file: string;
  columns: string[];
  delimiter: "," | ";";
  encoding: TextEncoding;
  rows: AsyncGenerator<RawRow>;
}

const SNIFF = 64 * 1024;

/** Open a CSV export as a stream of rows. The header is read before this resolves. */
export async function streamCsv(file: string, options: StreamCsvOptions = {}): Promise<CsvStream> {
  const handle = await open(file, "r");
  const head = new Uint8Array(SNIFF);
  const {bytesRead} = await handle.read(head, 0, SNIFF, 0);
  await handle.close();
  if (bytesRead === 0) throw new InputError({file, line: 1, expected: "a header line with column names", found: "an empty file"});
  // Sniff on whole lines only, so a multi-byte character cut at the sniff boundary is not taken for bad UTF-8.
  let sniff = head.subarray(0, bytesRead);
  if (bytesRead === SNIFF) sniff = sniff.subarray(0, sniff.lastIndexOf(0x0a) + 1 || SNIFF);
  checkHeaderBytes(head.subarray(0, bytesRead), file);
  const encoding = options.encoding ?? detectEncoding(sniff, file).encoding;
  const delimiter = options.delimiter ?? detectDelimiter(new TextDecoder(encoding).decode(sniff));
  const decimalComma = options.decimalComma ?? delimiter === ";";

  const parser = parse({...csvParseOptions(delimiter), info: true});
  const source = createReadStream(file, {highWaterMark: options.chunkSize ?? SNIFF});
  const decoder = new TextDecoder(encoding, {fatal: true});
  let linesBefore = 0;
  let failure: unknown;
  const pump = (async () => {
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        let text: string;
        try {
          text = decoder.decode(chunk, {stream: true});
        } catch {
          const bad = Math.max(0, firstInvalidUtf8Offset(chunk));
          const {line, column} = lineAndColumnOfByte(chunk, bad);
          throw new InputError({file, line: linesBefore + line, expected: "UTF-8 text throughout the file", found: `byte 0x${chunk[bad]?.toString(16)} (line ${linesBefore + line}, byte ${column})`});
        }
        const nul = chunk.indexOf(0);
        if (nul >= 0) {
          const {line} = lineAndColumnOfByte(chunk, nul);
          throw new InputError({file, line: linesBefore + line, expected: "text (UTF-8 or Windows-1252) without NUL bytes", found: "a NUL byte: binary data or UTF-16"});
        }
        for (const b of chunk) if (b === 0x0a) linesBefore++;
        if (!parser.write(text)) await new Promise((resolve) => parser.once("drain", resolve));
      }
      parser.end(decoder.decode());
    } catch (error) {
      failure = error;
      source.destroy();
      parser.end();
    }
  })();

  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{record: string[]; info: {lines: number}}>;
  const next = async () => {
    try {
      const r = await iterator.next();
      if (failure) throw failure;
      return r;
    } catch (error) {
      if (failure) throw failure;
      throw csvParseError(error, file);
    }
  };
  const first = await next();
  if (first.done) {
    await pump;
    throw new InputError({file, line: 1, expected: "a header line with column names", found: "an empty file"});
  }
  const columns = first.value.record;
  const blank = columns.findIndex((c) => c === "");
  if (blank >= 0) throw new InputError({file, line: first.value.info.lines, column: blank + 1, expected: "a column name in every header cell", found: ""});

  async function* rows(): AsyncGenerator<RawRow> {
    let finished = false;
    try {
      for (;;) {
        const r = await next();
        if (r.done) break;
        const {record, info} = r.value;
        if (record.length !== columns.length)
          throw new InputError({file, line: info.lines, column: record.length > columns.length ? record.length : record.length + 1, expected: `${columns.length} cells separated by "${delimiter}" as in the header`, found: `${record.length} cells`});
        yield {line: info.lines, cells: decimalComma ? record.map(fromDecimalComma) : record};
      }
      await pump;
      finished = true;
      if (failure) throw failure;
    } finally {
      // stopped early (error or the consumer broke off): close the file
      if (!finished) {
        source.destroy();
        parser.destroy();
      }
    }
  }
  return {file, columns, delimiter, encoding, rows: rows()};
}

export interface StreamValidation {
  file: string;
  rows: number;
  /** Highest heap use seen while validating (bytes), for the streaming test and the bench. */
  peakHeapUsed: number;
}

/**
 * Validate a CSV export of any size against the codebook in bounded memory: rows go to
 * validateExport in batches; errors are collected (up to `maxErrors`) and thrown together as InputErrors.
 */
export async function validateCsvStream(file: string, codebook: Codebook, options: StreamCsvOptions & {batchSize?: number; maxErrors?: number} = {}): Promise<StreamValidation> {
  const stream = await streamCsv(file, options);
  const batchSize = options.batchSize ?? 5000;
  const maxErrors = options.maxErrors ?? 20;
  const errors: InputError[] = [];
  const seen = new Map<string, number>();
  const idIndex = stream.columns.indexOf(codebook.identifier.id);
  let batch: RawRow[] = [];
  let count = 0;
  let peakHeapUsed = 0;
  const flush = () => {
    if (!batch.length) return;
    const table: RawTable = {file, columns: stream.columns, rows: batch, unit: "line"};
    try {
      validateExport(table, codebook);
    } catch (error) {
      if (error instanceof InputErrors) errors.push(...error.errors);
      else if (error instanceof InputError) errors.push(error);
      else throw error;
    }
    if (idIndex >= 0)
      for (const row of batch) {
        const id = row.cells[idIndex];
        if (!id) continue;
        const before = seen.get(id);
        if (before !== undefined && before < batch[0].line) errors.push(new InputError({file, line: row.line, column: codebook.identifier.id, expected: `a respondent id not used before (${JSON.stringify(id)} is already on line ${before})`, found: id}));
        else if (before === undefined) seen.set(id, row.line);
      }
    peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
    batch = [];
  };
  for await (const row of stream.rows) {
    batch.push(row);
    count++;
    if (batch.length >= batchSize) flush();
    if (errors.length >= maxErrors) break;
  }
  flush();
  if (count === 0) errors.push(new InputError({file, line: 2, expected: "at least one respondent after the header", found: "end of file"}));
  if (errors.length) throw new InputErrors(dedupe(errors));
  return {file, rows: count, peakHeapUsed};
}

/** Column errors repeat once per batch; keep one of each message. */
function dedupe(errors: InputError[]): InputError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.message) ? false : (seen.add(e.message), true)));
}
