// The site's survey for story tests: the respondents as the browser reads them (hyparquet over the published
// Parquet), the survey metadata, and an in-process DuckDB over the same Parquet files for the SQL engine.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {publishedParquet} from "../../../loaders/pipeline/published-parquet.ts";
import {siteMeta} from "../../../loaders/pipeline/site-data.ts";
import {readParquetRows} from "../../../src/components/parquet.ts";
import type {StoryDesign} from "../../../src/components/story/model.ts";
import {toRespondent, type Respondent} from "../../../src/components/survey/respondent.ts";
import {optionsOf, type SurveyMeta} from "../../../src/components/survey/survey-meta.ts";

export interface SiteSurvey {
  meta: SurveyMeta;
  respondents: Respondent[];
  design: StoryDesign;
  options: (item: string) => {code: number; label: string}[];
  /** Runs SQL over the views respondents and answers. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): void;
}

export async function openSiteSurvey(): Promise<SiteSurvey> {
  const meta = await siteMeta();
  const dir = mkdtempSync(join(tmpdir(), "kv-story-"));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  let respondents: Respondent[] = [];
  for (const table of ["respondents", "answers"] as const) {
    const bytes = await publishedParquet(table);
    writeFileSync(join(dir, `${table}.parquet`), bytes);
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${join(dir, `${table}.parquet`)}')`);
    if (table === "respondents") respondents = (await readParquetRows(bytes)).map(toRespondent);
  }
  return {
    meta,
    respondents,
    design: {sizeClasses: meta.sizeClasses, population: meta.population.sizeClassCounts},
    options: (item) => optionsOf(meta, item),
    rows: async <T>(sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as T[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}

/** Every subset of the size classes (including none), smallest first. */
export function sizeSubsets(sizeClasses: readonly string[]): string[][] {
  return Array.from({length: 2 ** sizeClasses.length}, (_, mask) => sizeClasses.filter((_, i) => mask & (1 << i)));
}
