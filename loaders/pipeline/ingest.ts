import type {Codebook} from "../codebook/codebook.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import {readExport, type ReadExportOptions} from "../read/read-export.ts";
import {surveyTables} from "../tables/survey-tables.ts";
import type {OutputTable} from "../tables/output-table.ts";
import {validateExport} from "../validate/validate-export.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import {writeParquetTables} from "../write/write-parquet.ts";
import {parquetMetadata, readProvenance, type Provenance} from "./provenance.ts";

export interface IngestOptions extends ReadExportOptions {
  codebook?: Codebook;
}

/** Reads and validates an export; throws InputError(s) on bad input. Writes nothing. */
export function validateFile(file: string, options: IngestOptions = {}): SurveyResponses {
  const codebook = options.codebook ?? loadCodebook();
  return validateExport(readExport(file, options), codebook);
}

/** The published tables of an export, with its provenance. */
export function exportTables(file: string, options: IngestOptions = {}): {tables: OutputTable[]; provenance: Provenance; responses: SurveyResponses} {
  const codebook = options.codebook ?? loadCodebook();
  const responses = validateExport(readExport(file, options), codebook);
  return {tables: surveyTables(responses, codebook), provenance: readProvenance(file), responses};
}

/** Export -> Parquet files in outDir. Everything is validated before anything is written. */
export async function ingest(file: string, outDir: string, options: IngestOptions = {}): Promise<string[]> {
  const {tables, provenance} = exportTables(file, options);
  return writeParquetTables(tables, outDir, parquetMetadata(provenance));
}
