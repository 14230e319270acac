/**
 * Ingest for every export format, with anonymisation: readAnyExport (CSV / Dutch CSV / .sav / .xlsx, mapping)
 * -> dropDirectIdentifiers -> the lead's validateExport -> k-anonymity check on the published quasi-identifiers
 * -> the lead's surveyTables and writeParquetTables. Nothing is written unless every step passes.
 * Command line: npx tsx loaders/formats/ingest-any.ts <export> --out <dir> [--mapping m.json] [--k 5] [--sheet name]
 */
import {fileURLToPath} from "node:url";
import {prepareForPublication, dropDirectIdentifiers, type DroppedColumn, type PublicationReport} from "../anonymise/anonymise.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import {parquetMetadata, readProvenance} from "../pipeline/provenance.ts";
import {surveyTables} from "../tables/survey-tables.ts";
import {validateExport} from "../validate/validate-export.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import {writeParquetTables} from "../write/write-parquet.ts";
import {readAnyExport, type ReadAnyOptions} from "./read-any.ts";

export interface IngestAnyOptions extends ReadAnyOptions {
  k?: number;
}

/** Read, drop identifiers, validate and check k-anonymity; writes nothing. */
export async function checkAnyExport(file: string, options: IngestAnyOptions = {}): Promise<{responses: SurveyResponses; dropped: DroppedColumn[]; report: PublicationReport}> {
  const codebook = options.codebook ?? loadCodebook();
  const read = await readAnyExport(file, {...options, codebook});
  const {table, dropped} = dropDirectIdentifiers(read, codebook);
  const responses = validateExport(table, codebook);
  const {report} = prepareForPublication(table, codebook, {k: options.k});
  return {responses, dropped: [...dropped, ...report.dropped], report};
}

export async function ingestAny(file: string, outDir: string, options: IngestAnyOptions = {}): Promise<{written: string[]; dropped: DroppedColumn[]}> {
  const codebook = options.codebook ?? loadCodebook();
  const {responses, dropped} = await checkAnyExport(file, {...options, codebook});
  const written = await writeParquetTables(surveyTables(responses, codebook), outDir, parquetMetadata(readProvenance(file)));
  return {written, dropped};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const {runCli, parseArgs, UsageError} = await import("../cli/run-cli.ts");
  const usage = "npx tsx loaders/formats/ingest-any.ts <export.csv|.sav|.xlsx> --out <dir> [--mapping m.json] [--k 5] [--sheet name] [--encoding utf-8|windows-1252]";
  await runCli(async (args) => {
    const {file, options} = parseArgs(args, usage, ["out", "mapping", "k", "sheet", "encoding"]);
    if (!options.out) throw new UsageError(usage);
    const {written, dropped} = await ingestAny(file, options.out, {...options, k: options.k ? Number(options.k) : undefined} as IngestAnyOptions);
    for (const d of dropped) console.error(`${file}: left out column ${d.column} (${d.kind}, by ${d.by})`);
    console.error(`${file}: valid; wrote ${written.length} files to ${options.out}`);
  });
}
