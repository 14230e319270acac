// The example and teaching notebooks run on the site's survey data (ingested into node DuckDB) with the survey
// functions, every cell without an error, and the teaching notebooks say what they teach: weighted and unweighted
// means with intervals, item nonresponse per size class with small classes hidden, and the difference of two size
// classes with its design-based interval.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {siteMeta} from "../../../../loaders/pipeline/site-data.ts";
import {allExampleNotebooks, exampleNotebooks, teachingNotebooks} from "../../../../src/components/notebook/page/example-notebooks.ts";
import {exampleQueries} from "../../../../src/components/sql/examples.ts";
import {registerSurveyFunctions} from "../../../../src/components/notebook/survey-sql.ts";
import {NotebookRunner} from "../../../../src/components/notebook/runner.ts";
import {replaceCell} from "../../../../src/components/notebook/page/edit.ts";
import type {InputCell, Notebook} from "../../../../src/components/notebook/notebook.ts";
import {MIN_GROUP_SIZE} from "../../../../src/components/stats/suppression.ts";
import {openSurveyDb, type SurveyDb} from "../../../helpers/survey-db.ts";
import {nodeExecutor, type Rows} from "../node-executor.ts";

const meta = await siteMeta();
let db: SurveyDb;

beforeAll(async () => {
  db = await openSurveyDb();
  await registerSurveyFunctions((sql) => db.connection.run(sql), {population: meta.population.sizeClassCounts});
}, 120_000);
afterAll(() => db?.close());

/** Runs every cell; the results by cell name, and every error. */
async function runAll(nb: Notebook) {
  const runner = new NotebookRunner<Rows>(nodeExecutor(db.connection));
  await runner.run(nb);
  const results = new Map<string, Rows>();
  const errors: string[] = [];
  for (const cell of nb.cells) {
    const state = runner.states.get(cell.id)!;
    if (state.status === "error" || state.status === "blocked") errors.push(`${cell.id}: ${state.message}`);
    if (cell.kind === "sql" && state.status === "done") results.set(cell.name, state.result!);
  }
  return {results, errors};
}

const num = (v: unknown) => Number(v);

describe("example notebooks", () => {
  it("one per example query of the workbench, with its SQL unchanged, plus three teaching notebooks", () => {
    const queries = exampleQueries(meta);
    const notebooks = exampleNotebooks(meta);
    expect(notebooks).toHaveLength(queries.length);
    notebooks.forEach((nb, i) => expect(nb.notebook.cells.find((c) => c.kind === "sql")).toMatchObject({name: "tabel1", sql: queries[i].sql}));
    expect(teachingNotebooks(meta)).toHaveLength(3);
    expect(new Set(allExampleNotebooks(meta).map((e) => e.id)).size).toBe(queries.length + 3);
  });

  it("every example notebook runs without an error", async () => {
    for (const example of allExampleNotebooks(meta)) {
      const {errors} = await runAll(example.notebook);
      expect(errors, example.id).toEqual([]);
    }
  });

  it("weighted versus unweighted: two estimates of the first scale, each inside its interval, for all and for one size class", async () => {
    const [lesson] = teachingNotebooks(meta);
    const {results} = await runAll(lesson.notebook);
    const rows = results.get("vergelijking")!;
    expect(rows.map((r) => r.weging)).toEqual(["gewogen", "ongewogen"]);
    for (const r of rows) expect(num(r.lower)).toBeLessThan(num(r.mean)), expect(num(r.mean)).toBeLessThan(num(r.upper));
    expect(num(rows[0].mean)).not.toBeCloseTo(num(rows[1].mean), 6);
    const input = lesson.notebook.cells.find((c) => c.kind === "input") as InputCell & {control: "select"};
    const one = replaceCell(lesson.notebook, input.id, {...input, value: meta.sizeClasses[0]});
    const {results: oneClass} = await runAll(one);
    // within one stratum every weight is equal: weighted and unweighted agree
    const [w, u] = oneClass.get("vergelijking")!;
    expect(num(w.mean)).toBeCloseTo(num(u.mean), 9);
  });

  it("item nonresponse: one row per size class, percentages between 0 and 100, small classes hidden", async () => {
    const lesson = teachingNotebooks(meta)[1];
    const {results} = await runAll(lesson.notebook);
    const rows = results.get("nonrespons")!;
    expect(rows.map((r) => r.size_class)).toEqual(meta.sizeClasses.filter((s) => rows.some((r) => r.size_class === s)));
    for (const r of rows) {
      if (r.gemeenten === null) continue;
      expect(num(r.gemeenten)).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
      expect(num(r.pct_open)).toBeGreaterThanOrEqual(0);
      expect(num(r.pct_open)).toBeLessThanOrEqual(100);
    }
    expect(results.get("vraagtekst")).toHaveLength(1);
  });

  it("two size classes: the difference is the difference of the two means, its interval around it", async () => {
    const lesson = teachingNotebooks(meta)[2];
    const {results} = await runAll(lesson.notebook);
    const per = results.get("per_klasse")!;
    expect(per).toHaveLength(2);
    const [d] = results.get("verschil")!;
    const mean = (g: unknown) => num(per.find((r) => r.groep === g)!.mean);
    expect(num(d.verschil)).toBeCloseTo(mean(d.eerste) - mean(d.tweede), 12);
    expect(num(d.se)).toBeCloseTo(Math.hypot(...per.map((r) => num(r.se))), 12);
    expect(num(d.lower)).toBeLessThan(num(d.verschil));
    expect(num(d.upper)).toBeGreaterThan(num(d.verschil));
  });
});
