// Every story figure's notebook, run by the notebook runner in DuckDB (@duckdb/node-api, the survey functions
// registered as the page does) over the site's Parquet, gives the numbers the story engine gives for the same
// filters; and, for the reconstructed data, the numbers the report prints.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {publishedParquet} from "../../../loaders/pipeline/published-parquet.ts";
import {NotebookRunner} from "../../../src/components/notebook/runner.ts";
import {registerSurveyFunctions} from "../../../src/components/notebook/survey-sql.ts";
import {storyEngine, type StoryEngine} from "../../../src/components/story/engine.ts";
import {figureNotebook, type FigureQuery} from "../../../src/components/story/figure-notebook.ts";
import {TOTAL, type StoryFilter} from "../../../src/components/story/model.ts";
import {nodeExecutor, type Rows} from "../notebook/node-executor.ts";
import {labNotebookQuery} from "../../../src/components/lab/lab-figure.ts";
import {itemDistribution} from "../../../src/components/lab/item-distribution.ts";
import {mean, weightedMean} from "../../../src/components/stats/weighted-mean.ts";
import {openSiteSurvey, type SiteSurvey} from "./site-survey.ts";
import {storyFigureQueries} from "./story-figures.ts";
import type {SurveyMeta} from "../../../src/components/survey/survey-meta.ts";

let survey: SiteSurvey;
let engine: StoryEngine;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  survey = await openSiteSurvey();
  engine = storyEngine({respondents: survey.respondents, options: survey.options, design: survey.design});
  dir = mkdtempSync(join(tmpdir(), "kv-figure-nb-"));
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  writeFileSync(join(dir, "respondents.parquet"), await publishedParquet("respondents"));
  await connection.run(`CREATE TABLE respondents AS SELECT * FROM read_parquet('${join(dir, "respondents.parquet")}')`);
  await registerSurveyFunctions((sql) => connection.run(sql), {population: survey.meta.population.sizeClassCounts});
}, 120_000);
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
  survey?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

/** Runs a figure's notebook and returns the rows of its SQL cells after the selection, by name. */
async function runNotebook(number: string, query: FigureQuery, filter: StoryFilter): Promise<Map<string, Rows>> {
  const notebook = figureNotebook({number, title: number, query, filter, meta: survey.meta});
  const runner = new NotebookRunner<Rows>(nodeExecutor(connection));
  await runner.run(notebook);
  const results = new Map<string, Rows>();
  for (const cell of notebook.cells) {
    const state = runner.states.get(cell.id);
    if (state?.status === "error" || state?.status === "blocked") throw new Error(`${number}: ${state.message}`);
    if (cell.kind === "sql" && !["selectie", "antwoorden"].includes(cell.name)) results.set(cell.name, (state as {result: Rows}).result);
  }
  return results;
}

const close = (a: unknown, b: number | null) => (a == null || b == null ? a == null && b == null : Math.abs(Number(a) - b) < 1e-9);

/** Every non-empty selection of size classes (a filter a reader can choose). */
const sizeSelections = (sizes: readonly string[]): string[][] =>
  Array.from({length: 2 ** sizes.length - 1}, (_, i) => sizes.filter((_, j) => ((i + 1) >> j) & 1));

/**
 * The story's filters over which a figure's notebook must agree with the figure: the all-roles views with and
 * without weighting, and every one-role view (each role with every selection of size classes, weighted and not in
 * turn), where the small-group rule looks at the roles the view leaves out.
 */
const filtersOf = (meta: SurveyMeta): StoryFilter[] => {
  const s = meta.sizeClasses;
  const oneRole = meta.roles.flatMap((role, r) => sizeSelections(s).map((sizes, i) => ({sizes, role, weighted: (i + r) % 2 === 1})));
  return [{sizes: [...s], role: "alle", weighted: false}, {sizes: [...s], role: "alle", weighted: true}, ...oneRole];
};

/**
 * Whether a one-role view is also run for the distribution figures (16 of the 21, and most of this test's time): one
 * size class, all but one, or all, which puts each class's own rule and each class left out to the test; the tables
 * of means run every selection.
 */
const distributionView = (filter: StoryFilter, meta: SurveyMeta) =>
  filter.role === "alle" || filter.sizes.length <= 1 || filter.sizes.length >= meta.sizeClasses.length - 1;

type StoryRow = {key: string; suppressed: boolean; values: (number | null)[]};

/**
 * Where the notebook differs from the story (empty when it shows exactly what the story shows: the same groups
 * hidden, the same n and numbers in the others), one line per group.
 */
function differences(where: string, story: StoryRow[], notebook: Map<string, (number | null)[] | null>): string[] {
  const found: string[] = [];
  for (const row of story) {
    const shown = notebook.get(row.key) ?? null;
    const label = `${where} ${row.key}`;
    if (row.suppressed && shown !== null) found.push(`${label}: hidden in the story, shown in the notebook`);
    else if (!row.suppressed && shown === null) found.push(`${label}: shown in the story, hidden in the notebook`);
    else if (shown !== null && (shown[0] !== row.values[0] || !shown.slice(1).every((v, i) => close(v, row.values[i + 1])))) found.push(`${label}: ${JSON.stringify(shown)} in the notebook, ${JSON.stringify(row.values)} in the story`);
  }
  const extra = [...notebook.keys()].filter((key) => notebook.get(key) !== null && !story.some((r) => r.key === key));
  return [...found, ...extra.map((key) => `${where} ${key}: not in the story, shown in the notebook`)];
}

function compareGroups(where: string, story: StoryRow[], notebook: Map<string, (number | null)[] | null>) {
  expect(differences(where, story, notebook)).toEqual([]);
}

describe("a figure's notebook gives the figure's numbers", () => {
  test("every story figure and table, in the all-roles views and the one-role views", async () => {
    const checked: string[] = [];
    const found: string[] = [];
    for (const filter of filtersOf(survey.meta)) {
      for (const {number, query} of storyFigureQueries(survey.meta)) {
        const where = `${number} ${JSON.stringify(filter)}`;
        if (query.kind === "means") {
          const results = await runNotebook(number, query, filter);
          const tables = [...results.values()];
          expect(tables).toHaveLength(query.scales.length);
          for (const [i, scale] of query.scales.entries()) {
            const story = (await engine.means(filter, {scale})).map((r) => ({key: r.group, suppressed: r.suppressed, values: [r.n, r.mean, r.low, r.high]}));
            const notebook = new Map(tables[i].map((r) => [String(r.groep), r.mean == null ? null : [r.n as number, r.mean as number, r.lower as number, r.upper as number]]));
            found.push(...differences(`${where} ${scale}`, story, notebook));
          }
        } else if (query.kind === "distribution") {
          if (!distributionView(filter, survey.meta)) continue;
          const sizes = query.sizes ? filter.sizes.filter((s) => query.sizes!.includes(s)) : filter.sizes;
          // a figure of one size class is not drawn when the filter leaves that class out
          if (query.sizes && sizes.length === 0) continue;
          const results = await runNotebook(number, query, filter);
          const key = (item: unknown, group: unknown, code: unknown) => `${item} ${group} ${code}`;
          const story = (await engine.distribution({...filter, sizes}, {items: query.items, bySize: query.bySize}))
            .filter((r) => !query.codes || query.codes.includes(r.code))
            .map((r) => ({key: key(r.item_id, r.group, r.code), suppressed: r.suppressed, values: [r.n, r.share]}));
          const [rows] = [...results.values()];
          const notebook = new Map(rows.map((r) => [key(r.item_id, r.groep, r.code), r.share == null ? null : [r.n as number, r.share as number]]));
          found.push(...differences(where, story, notebook));
        }
        checked.push(number);
      }
    }
    expect(found).toEqual([]);
    expect(new Set(checked).size).toBe(21);
  }, 600_000);
});

describe("the lab's figures open as notebooks with the lab's numbers", () => {
  const everyone = () => ({sizes: [...survey.meta.sizeClasses], role: "alle", weighted: false});
  test("distribution of an item per size class (Lab L1, L2)", async () => {
    for (const item of ["bes_doorstroom", "uit_nieuw", "inw_onderzoek"]) {
      const results = await runNotebook("Lab L1", labNotebookQuery.distribution(item), everyone());
      const key = (group: unknown, code: unknown) => `${group} ${code}`;
      const lab = itemDistribution(survey.respondents, survey.meta, item).map((r) => ({key: key(r.group, r.code), suppressed: r.suppressed, values: [r.n, r.share]}));
      const [rows] = [...results.values()];
      compareGroups(`Lab L1 ${item}`, lab, new Map(rows.map((r) => [key(r.groep, r.code), r.share == null ? null : [r.n as number, r.share as number]])));
    }
  });

  test("scale means unweighted and weighted (Lab S2)", async () => {
    const scales = survey.meta.scales.map((s) => s.id);
    const [rows] = [...(await runNotebook("Lab S2", labNotebookQuery.weighting(scales), everyone())).values()];
    expect(rows).toHaveLength(2 * scales.length);
    for (const scale of scales) {
      const y = survey.respondents.map((r) => r[scale] as number | null);
      const of = (weging: string) => rows.find((r) => r.schaal_id === scale && r.weging === weging)!;
      expect(close(of("ongewogen").mean, mean(y)), scale).toBe(true);
      expect(close(of("gewogen").mean, weightedMean(y, survey.respondents.map((r) => Number(r.weight)))), scale).toBe(true);
    }
  });

  test("a scale's intervals per size class (Lab O1) are the story's table", async () => {
    const scale = survey.meta.scales[2].id;
    const [rows] = [...(await runNotebook("Lab O1", labNotebookQuery.intervals(scale), everyone())).values()];
    const story = await engine.means(everyone(), {scale});
    compareGroups("Lab O1", story.map((r) => ({key: r.group, suppressed: r.suppressed, values: [r.n, r.mean, r.low, r.high]})), new Map(rows.map((r) => [String(r.groep), r.mean == null ? null : [r.n as number, r.mean as number, r.lower as number, r.upper as number]])));
  });
});

describe("for the reconstructed data, a figure's notebook gives the printed numbers", () => {
  test("Tables 1-5: mean and n per size class and in total, as printed (n where the report has no slip)", async (context) => {
    if (survey.meta.provenance.source !== "reconstructed") context.skip();
    const filter = {sizes: [...survey.meta.sizeClasses], role: "alle", weighted: false};
    for (const table of survey.meta.published.tables) {
      const results = await runNotebook(table.id, {kind: "means", scales: [table.scale]}, filter);
      const [rows] = [...results.values()];
      for (const printed of [...table.rows, {...table.total, size_class: TOTAL}]) {
        const row = rows.find((r) => r.groep === printed.size_class)!;
        const label = `${table.id} ${table.scale} ${printed.size_class}`;
        expect(Number(row.mean).toFixed(2), label).toBe(printed.mean.toFixed(2));
        if (!printed.slip) expect(row.n, label).toBe(printed.n);
      }
    }
  });

  test("the percentages the report's text quotes", async (context) => {
    if (survey.meta.provenance.source !== "reconstructed") context.skip();
    const filter = {sizes: [...survey.meta.sizeClasses], role: "alle", weighted: false};
    expect(survey.meta.published.percentages.length).toBeGreaterThan(0);
    for (const p of survey.meta.published.percentages) {
      const figure = Object.keys(survey.meta.figureItems).find((f) => survey.meta.figureItems[f].includes(p.item))!;
      const results = await runNotebook(figure, {kind: "distribution", items: [p.item]}, filter);
      const [rows] = [...results.values()];
      const codes = p.codes ?? [p.code!];
      const share = rows.filter((r) => r.groep === TOTAL && codes.includes(Number(r.code))).reduce((sum, r) => sum + Number(r.share), 0);
      expect(Math.round(100 * share), `${p.item} ${codes}`).toBe(p.pct);
    }
  });
});
