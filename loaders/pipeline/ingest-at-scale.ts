/**
 * Ingest of large CSV exports (a million respondents and more): the same checks and the same four Parquet tables
 * as ingest(), with the heavy work in DuckDB instead of JavaScript objects:
 * read (every cell as text) -> leave out direct identifiers (by name; by content for unknown columns) -> check the
 * header and every cell against the codebook in SQL -> k-anonymity on group counts -> pseudonyms, weights and
 * scale scores in SQL -> Parquet, written to a staging folder and moved into place only when everything passed.
 * Errors name file, line, column and what was expected, in the in-memory path's words: DuckDB finds the bad rows,
 * validateExport words them. Where SQL cannot be exact (see at-scale/validate-streaming.ts) the streaming JS
 * validator decides. Other formats (.sav, .xlsx) and mapping files go to ingest().
 */
import {createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync} from "node:fs";
import {dirname, extname, join, resolve} from "node:path";
import {pipeline} from "node:stream/promises";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {stratumWeights} from "../../src/components/stats/post-stratification.ts";
import {dropDirectIdentifiers, prepareForPublication, quasiIdentifiers as quasiIdentifiersOf, type DroppedColumn} from "../anonymise/anonymise.ts";
import {refuseSmallGroups, smallestFirst, type Group} from "../anonymise/k-anonymity.ts";
import {identifierByContent, REGION_NAMES} from "../anonymise/policy.ts";
import type {Codebook} from "../codebook/codebook.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import {fromDecimalComma} from "../read/dutch-csv.ts";
import {TEXT_EXTENSIONS} from "../read/read-any.ts";
import {streamCsv} from "../read/stream-csv.ts";
import {InputError, InputErrors} from "../input-error.ts";
import type {TextEncoding} from "../read/decode-text.ts";
import {itemsTable, responseOptionsTable} from "../tables/survey-tables.ts";
import {columnErrors, validateExport} from "../validate/validate-export.ts";
import {requireStrata} from "../validate/every-stratum.ts";
import {writeParquetTables} from "../write/write-parquet.ts";
import {quoteIdentifier} from "./at-scale/cell-sql.ts";
import {loadCells, summariseCells, type CellsLayout, type CellsSummary} from "./at-scale/load-cells.ts";
import {locateErrors, recordsAreLines} from "./at-scale/locate-errors.ts";
import {ingestMemoryLimit} from "./at-scale/memory-limit.ts";
import {validateStreaming} from "./at-scale/validate-streaming.ts";
import {answersSelect, copyToParquet, respondentsSelect} from "./at-scale/write-tables.ts";
import {ingest, type IngestOptions} from "./ingest.ts";
import {parquetMetadata, readProvenance} from "./provenance.ts";

/**
 * From this file size on (about 7 000 respondents), the CLI ingests through DuckDB. Below it the in-memory path is
 * simpler, reads every format and is faster: ingestAtScale has a fixed cost of a few seconds (planning the per-cell
 * SQL of 51 columns, a second DuckDB for the small tables), ingest() a cost per respondent. Measured with
 * test/bench/ingest.bench.ts on a loaded 2-core machine: 107 rows 9.4 s in memory vs 12.1 s at scale (child process
 * start included); 100 000 rows 112.5 s vs 32.7 s; so they meet at a few thousand rows.
 */
export const AT_SCALE_MIN_BYTES = 1_000_000;

/** Whether ingestAtScale does its own work for this file (a CSV export without a mapping file) rather than handing it to ingest(). */
export function readsAtScale(file: string, options: IngestOptions = {}): boolean {
  return TEXT_EXTENSIONS.includes(extname(file).toLowerCase()) && !options.mapping;
}

/** Whether the CLI should use ingestAtScale for this file: a CSV export of at least AT_SCALE_MIN_BYTES. */
export function prefersAtScale(file: string, options: IngestOptions = {}): boolean {
  return readsAtScale(file, options) && existsSync(file) && statSync(file).isFile() && statSync(file).size >= AT_SCALE_MIN_BYTES;
}

interface ExportHeader {
  columns: string[];
  encoding: TextEncoding;
  delimiter: "," | ";";
}

/** Header, encoding and delimiter as the streaming reader sees them (its errors for an empty file or a blank header cell). */
async function readHeader(file: string, options: IngestOptions): Promise<ExportHeader> {
  const stream = await streamCsv(file, {encoding: options.encoding, delimiter: options.delimiter});
  // Start the row stream and stop at once: that closes the file. A bad first row is left for the full read to report.
  try {
    await stream.rows.next();
  } catch {
    // reported by the full read
  } finally {
    await stream.rows.return(undefined);
  }
  return {columns: stream.columns, encoding: stream.encoding, delimiter: stream.delimiter};
}

/** DuckDB reads UTF-8: a Windows-1252 export is copied to UTF-8 first (same lines, so the same line numbers). */
async function utf8Source(file: string, encoding: TextEncoding, work: string): Promise<string> {
  if (encoding === "utf-8") return file;
  const copy = join(work, "export.utf-8.csv");
  const decoder = new TextDecoder(encoding);
  await pipeline(
    createReadStream(file),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) yield decoder.decode(chunk, {stream: true});
      yield decoder.decode();
    },
    createWriteStream(copy)
  );
  return copy;
}

/** Unknown columns (not in the codebook, no identifier by name): left out when their cells look like an identifier. */
async function dropByContent(connection: DuckDBConnection, header: string[], kept: number[], codebook: Codebook, decimalComma: boolean): Promise<DroppedColumn[]> {
  const known = new Set([codebook.identifier.id, ...codebook.background.map((b) => b.id), ...codebook.items.map((i) => i.id)]);
  const dropped: DroppedColumn[] = [];
  for (const i of kept) {
    if (known.has(header[i]) || REGION_NAMES.test(header[i])) continue;
    const reader = await connection.runAndReadAll(`SELECT coalesce(${quoteIdentifier(`unknown_${i}`)}, '') FROM cells`);
    const cells = reader.getRows().map(([v]) => String(v).trim());
    const kind = identifierByContent(decimalComma ? cells.map(fromDecimalComma) : cells);
    if (kind) dropped.push({column: header[i], kind, by: "content"});
  }
  return dropped;
}

/** k-anonymity as prepareForPublication checks it, on group counts from SQL. */
async function checkGroups(connection: DuckDBConnection, file: string, quasiIdentifiers: string[], k: number, respondents: number): Promise<void> {
  if (!quasiIdentifiers.length || !respondents) return;
  const columns = quasiIdentifiers.map((q) => `coalesce(CAST(${quoteIdentifier(q)} AS VARCHAR), '')`);
  const reader = await connection.runAndReadAll(`SELECT ${columns.join(", ")}, count(*) FROM cells GROUP BY ALL`);
  const groups: Group[] = reader.getRows().map((row) => ({values: Object.fromEntries(quasiIdentifiers.map((q, j) => [q, String(row[j])])), count: Number(row.at(-1))}));
  refuseSmallGroups(file, smallestFirst(groups), quasiIdentifiers, k);
}

async function sizeClassCounts(connection: DuckDBConnection): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(`SELECT coalesce(size_class, ''), count(*) FROM cells GROUP BY ALL`);
  return Object.fromEntries(reader.getRows().map(([h, n]) => [String(h), Number(n)]));
}

/** The verdict on the cells: throws the errors (in-memory wording) or returns when the export is valid. */
/**
 * The verdict on the cells, in the in-memory path's order (answer cells that are neither code nor label, then the
 * header, then an empty file, then ids and background cells): throws the errors or returns when the export is valid.
 */
async function judgeCells(connection: DuckDBConnection, codebook: Codebook, context: {file: string; source: string; columns: string[]; kept: number[]; header: ExportHeader; headerErrors: InputError[]; summary: CellsSummary}): Promise<void> {
  const {file, source, columns, kept, header, headerErrors, summary} = context;
  const errors = summary.badItemCells + summary.badTextCells + summary.duplicateIds;
  const streaming = () => validateStreaming(file, codebook, {encoding: header.encoding, delimiter: header.delimiter, kept});
  const disagree = () => new Error(`${file}: the SQL check found ${errors} errors that the streaming check did not`);
  if (summary.suspectCells > 0) {
    // csv-parse may read some cell differently: its verdict counts. When it accepts the file, SQL must agree.
    await streaming();
    if (errors || headerErrors.length) throw disagree();
    return;
  }
  const exactLines = () => recordsAreLines(source, summary.respondents, summary.multilineCells);
  const located = () =>
    locateErrors(connection, codebook, {file, source: {path: source, header: header.columns, delimiter: header.delimiter}, kept, badItemCells: summary.badItemCells, otherErrors: summary.badTextCells + summary.duplicateIds});
  if (summary.badItemCells > 0) {
    if (await exactLines()) throw await located();
    await streaming();
    throw disagree();
  }
  if (headerErrors.length) throw new InputErrors(headerErrors);
  if (summary.respondents === 0) validateExport({file, columns, rows: [], unit: "line"}, codebook);
  if (!errors) return;
  if (await exactLines()) throw await located();
  await streaming();
  throw disagree();
}

/** Export -> Parquet files in outDir, for CSV exports of any size. Same options, checks, errors and files as ingest(). */
export async function ingestAtScale(file: string, outDir: string, options: IngestOptions = {}): Promise<{written: string[]; dropped: DroppedColumn[]}> {
  if (!readsAtScale(file, options)) return ingest(file, outDir, options);
  if (!existsSync(file)) throw new InputError({file, expected: "an existing file", found: "no such file"});
  if (!statSync(file).isFile()) throw new InputError({file, expected: "a file", found: "a directory"});
  const memoryLimit = ingestMemoryLimit();
  const codebook = options.codebook ?? loadCodebook();
  const header = await readHeader(file, options);
  const byName = dropDirectIdentifiers({file, columns: header.columns, rows: [], unit: "line"}, codebook).dropped;
  const droppedNames = new Set(byName.map((d) => d.column));
  let kept = header.columns.map((_, i) => i).filter((i) => !droppedNames.has(header.columns[i]));

  const target = resolve(outDir);
  mkdirSync(dirname(target), {recursive: true});
  const staging = mkdtempSync(join(dirname(target), ".staging-"));
  const work = join(staging, "work");
  const out = join(staging, "out");
  mkdirSync(work);
  mkdirSync(out);
  const instance = await DuckDBInstance.create(":memory:", {temp_directory: join(work, "duckdb.tmp"), memory_limit: memoryLimit});
  const connection = await instance.connect();
  try {
    const source = await utf8Source(file, header.encoding, work);
    const decimalComma = header.delimiter === ";";
    let layout: CellsLayout;
    try {
      layout = await loadCells(connection, {path: source, header: header.columns, delimiter: header.delimiter, kept}, codebook);
    } catch (error) {
      // DuckDB could not read the file (a quote not closed, a row with too many or too few cells, ...): the
      // streaming reader names the place as the in-memory path does.
      await validateStreaming(file, codebook, {encoding: header.encoding, delimiter: header.delimiter, kept});
      throw new Error(`${file}: DuckDB could not read this export, although csv-parse can; ingest it with ingest() instead. DuckDB said: ${(error as Error).message}`);
    }
    const byContent = await dropByContent(connection, header.columns, kept, codebook, decimalComma);
    const droppedContent = new Set(byContent.map((d) => d.column));
    kept = kept.filter((i) => !droppedContent.has(header.columns[i]));
    const dropped = [...byName, ...byContent].sort((a, b) => header.columns.indexOf(a.column) - header.columns.indexOf(b.column));
    const columns = kept.map((i) => header.columns[i]);
    const headerErrors = columnErrors({file, columns, unit: "line"}, codebook);
    const summary = await summariseCells(connection, codebook, columns, layout);
    await judgeCells(connection, codebook, {file, source, columns, kept, header, headerErrors, summary});
    // as validateExport does after the cells: every size class of the population needs respondents
    const counts = await sizeClassCounts(connection);
    requireStrata(file, counts, codebook);

    const {report} = prepareForPublication({file, columns, rows: [], unit: "line"}, codebook, {k: options.k});
    await checkGroups(connection, file, quasiIdentifiersOf(columns, codebook), report.k, summary.respondents);
    const weights = stratumWeights(counts, codebook.population.size_class_counts);

    const metadata = parquetMetadata(readProvenance(file));
    await copyToParquet(connection, respondentsSelect(codebook, {respondents: summary.respondents, weights}), join(out, "respondents.parquet"), metadata);
    await copyToParquet(connection, answersSelect(codebook, summary.respondents), join(out, "answers.parquet"), metadata);
    await writeParquetTables([itemsTable(codebook), responseOptionsTable(codebook)], out, metadata);

    mkdirSync(target, {recursive: true});
    const written = ["respondents", "answers", "items", "response_options"].map((name) => {
      renameSync(join(out, `${name}.parquet`), join(target, `${name}.parquet`));
      return join(target, `${name}.parquet`);
    });
    if (readdirSync(out).length) throw new Error(`unexpected files in ${out}`);
    return {written, dropped: [...dropped, ...report.dropped]};
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(staging, {recursive: true, force: true});
  }
}
