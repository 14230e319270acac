// An in-process DuckDB over the pipeline's Parquet output, for tests that recompute published numbers.
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {ingest} from "../../loaders/pipeline/ingest.ts";
import {siteExport} from "../../loaders/pipeline/published-parquet.ts";

export interface SurveyDb {
  dir: string;
  connection: DuckDBConnection;
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): void;
}

/** Ingests `file` (default: the site's export) into a temp folder and opens views respondents, answers, items, response_options. */
export async function openSurveyDb(file = siteExport): Promise<SurveyDb> {
  const dir = mkdtempSync(join(tmpdir(), "kv-test-"));
  await ingest(file, dir);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const table of ["respondents", "answers", "items", "response_options"])
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${join(dir, `${table}.parquet`)}')`);
  return {
    dir,
    connection,
    rows: async <T>(sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as T[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

/** Half-up rounding to d decimals, as the report (SPSS) prints; exact for the ratios tested here. */
export function roundHalfUp(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(x * f + 1e-9) / f;
}
