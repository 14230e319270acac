/**
 * The pipeline's one front door, for every export format: read (CSV / Dutch CSV / .sav / .xlsx, optional
 * mapping file) -> drop direct identifiers by codebook policy -> validate against the codebook -> k-anonymity
 * check on the published quasi-identifiers -> the published tables -> Parquet. Nothing is written unless
 * every step passes.
 */
import {prepareForPublication, dropDirectIdentifiers, type DroppedColumn, type PublicationReport} from "../anonymise/anonymise.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import {readAnyExport, type ReadAnyOptions} from "../read/read-any.ts";
import {readMapping} from "../read/mapping.ts";
import {surveyTables} from "../tables/survey-tables.ts";
import type {OutputTable} from "../tables/output-table.ts";
import {validateExport} from "../validate/validate-export.ts";
import {requireEveryStratum} from "../validate/every-stratum.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import {writeParquetTables} from "../write/write-parquet.ts";
import {parquetMetadata, readProvenance, type Provenance} from "./provenance.ts";

export interface IngestOptions extends ReadAnyOptions {
  /** Smallest group of quasi-identifier values that may be published (default 5). */
  k?: number;
}

export interface CheckedExport {
  responses: SurveyResponses;
  /** Columns left out (direct identifiers, withheld variables, the pseudonymised id). */
  dropped: DroppedColumn[];
  report: PublicationReport;
}

/** Reads, anonymises and validates an export; throws InputError(s) on bad input. Writes nothing. */
export async function checkExport(file: string, options: IngestOptions = {}): Promise<CheckedExport> {
  const codebook = options.codebook ?? loadCodebook();
  const mapping = typeof options.mapping === "string" ? readMapping(options.mapping, codebook) : options.mapping;
  const read = await readAnyExport(file, {...options, mapping, codebook});
  const {table, dropped} = dropDirectIdentifiers(read, codebook);
  const responses = validateExport(table, codebook);
  const {report} = prepareForPublication(table, codebook, {k: options.k, override: mapping?.k_anonymity?.override});
  return {responses, dropped: [...dropped, ...report.dropped], report};
}

/** The published tables of an export, with its provenance; every size class needs respondents for the weights. */
export async function exportTables(file: string, options: IngestOptions = {}): Promise<{tables: OutputTable[]; provenance: Provenance} & CheckedExport> {
  const codebook = options.codebook ?? loadCodebook();
  const checked = await checkExport(file, {...options, codebook});
  requireEveryStratum(checked.responses, codebook);
  return {...checked, tables: surveyTables(checked.responses, codebook), provenance: readProvenance(file)};
}

/** Export -> Parquet files in outDir. */
export async function ingest(file: string, outDir: string, options: IngestOptions = {}): Promise<{written: string[]; dropped: DroppedColumn[]}> {
  const {tables, provenance, dropped, report} = await exportTables(file, options);
  // An override of the k-anonymity check travels with the data, so the site can state it.
  const override: Record<string, string> = report.override ? {"kennisverkenner.k_anonymity_override": JSON.stringify({k: report.k, reason: report.override.reason, groups: report.override.groups})} : {};
  return {written: await writeParquetTables(tables, outDir, {...parquetMetadata(provenance), ...override}), dropped};
}
