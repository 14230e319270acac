// The story's two engines (JavaScript over hyparquet rows for the first draw, SQL in DuckDB after a filter change)
// must give the same numbers. One suite, both engines, over the site's real Parquet output.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {countAnswers, scaleMoments} from "../../../src/components/story/engine-js.ts";
import {countAnswersSql, scaleMomentsSql} from "../../../src/components/story/engine-sql.ts";
import {sqlStoryEngine, storyEngine} from "../../../src/components/story/engine.ts";
import {finishDistribution, finishMeans, type AnswerCell, type MomentCell, type StoryFilter} from "../../../src/components/story/model.ts";
import {parquetToArrow} from "../../../src/components/parquet-arrow.ts";
import {publishedParquet} from "../../../loaders/pipeline/published-parquet.ts";
import {openSiteSurvey, type SiteSurvey} from "./site-survey.ts";

let survey: SiteSurvey;
beforeAll(async () => {
  survey = await openSiteSurvey();
}, 120_000);
afterAll(() => survey?.close());

const filters = (sizes: string[]): StoryFilter[] => [
  {sizes, role: "alle", weighted: false},
  {sizes, role: "alle", weighted: true},
  {sizes: [sizes[1], sizes[3]], role: "gemeentesecretaris", weighted: false},
  {sizes: [sizes[2]], role: "andere functie", weighted: true},
  {sizes: [], role: "alle", weighted: false}
];
const close = (a: number | null, b: number | null) => (a == null || b == null ? a === b : Math.abs(a - b) < 1e-9);
const byKey = <T extends {size_class: string; role: string}>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe("hyparquet reads the respondents as DuckDB does", () => {
  test("same rows, same values, nulls kept", async () => {
    const viaDuckDB = await survey.rows<Record<string, unknown>>("SELECT * FROM respondents ORDER BY respondent_id");
    const viaHyparquet = [...survey.respondents].sort((a, b) => a.respondent_id.localeCompare(b.respondent_id));
    expect(viaHyparquet.length).toBe(viaDuckDB.length);
    for (const [i, row] of viaDuckDB.entries()) for (const [key, value] of Object.entries(row)) expect([key, viaHyparquet[i][key] ?? null]).toEqual([key, value ?? null]);
  });

  test("parquetToArrow keeps the column types and nulls", async () => {
    const table = await parquetToArrow(await publishedParquet("respondents"));
    expect(table.numRows).toBe(survey.respondents.length);
    expect(String(table.schema.fields.find((f) => f.name === "bes_behoeften")!.type)).toBe("Int32");
    expect(String(table.schema.fields.find((f) => f.name === "beschikbaarheid")!.type)).toBe("Float64");
    expect(table.getChild("beschikbaarheid")!.nullCount).toBe(survey.respondents.filter((r) => r.beschikbaarheid == null).length);
  });
});

describe("JavaScript and SQL engines agree", () => {
  const items = ["uit_nieuw", "bes_doorstroom", "inf_afdeling", "beh_schakelpunt", "inw_onderzoek", "eva_raad"];
  for (const weighted of [false, true]) {
    test(`raw answer counts per size class x role, ${weighted ? "weighted" : "unweighted"}`, async () => {
      const key = (c: AnswerCell) => `${c.item_id}|${c.size_class}|${c.role}|${c.code}`;
      const js = byKey(countAnswers(survey.respondents, {items, weighted}), key);
      const sql = byKey(await survey.rows<AnswerCell>(countAnswersSql({items, weighted})), key);
      expect(sql.map((c) => [key(c), c.count])).toEqual(js.map((c) => [key(c), c.count]));
      for (const [i, c] of js.entries()) expect(close(sql[i].weight, c.weight), key(c)).toBe(true);
    });
    test(`raw scale moments per size class x role, ${weighted ? "weighted" : "unweighted"}`, async () => {
      const key = (c: MomentCell) => `${c.size_class}|${c.role}`;
      for (const scale of ["beschikbaarheid", "kennismanagement", "inwoners_betrekken"]) {
        const js = byKey(scaleMoments(survey.respondents, {scale, weighted}), key);
        const sql = byKey(await survey.rows<MomentCell>(scaleMomentsSql({scale, weighted})), key);
        expect(sql.map((c) => [key(c), c.sampleSize, c.n])).toEqual(js.map((c) => [key(c), c.sampleSize, c.n]));
        for (const [i, c] of js.entries()) for (const m of ["sw", "swy", "sww", "swwy", "swwyy"] as const) expect(close(sql[i][m], c[m]), `${scale} ${key(c)} ${m}`).toBe(true);
      }
    });
  }
  test("finished rows agree under every filter of the list", async () => {
    for (const filter of filters(survey.meta.sizeClasses)) {
      const {weighted} = filter;
      const args = {items, options: survey.options, filter, design: survey.design, bySize: true};
      const js = finishDistribution(countAnswers(survey.respondents, {items, weighted}), args);
      const sql = finishDistribution(await survey.rows<AnswerCell>(countAnswersSql({items, weighted})), args);
      expect(sql.map((r) => ({...r, share: null}))).toEqual(js.map((r) => ({...r, share: null})));
      for (const [i, row] of js.entries()) expect(close(sql[i].share, row.share), `${row.item_id} ${row.group} ${row.code}`).toBe(true);
      const scale = "beschikbaarheid";
      const jsMeans = finishMeans(scaleMoments(survey.respondents, {scale, weighted}), {filter, design: survey.design});
      const sqlMeans = finishMeans(await survey.rows<MomentCell>(scaleMomentsSql({scale, weighted})), {filter, design: survey.design});
      expect(sqlMeans.map((r) => [r.group, r.n, r.suppressed])).toEqual(jsMeans.map((r) => [r.group, r.n, r.suppressed]));
      for (const [i, row] of jsMeans.entries()) for (const key of ["mean", "se", "low", "high"] as const) expect(close(sqlMeans[i][key], row[key]), `${row.group} ${key}`).toBe(true);
    }
  });
});

describe("the story engines, asked as a page asks them", () => {
  const items = ["uit_nieuw", "bes_doorstroom", "inf_afdeling", "beh_schakelpunt", "inw_onderzoek", "eva_raad"];
  test("a page's engine and the SQL engine answer every filter of the list alike, the kept aggregates as the fresh ones", async () => {
    const query = async (sql: string) => {
      const rows = await survey.rows(sql);
      return {toArray: () => rows.map((row) => ({toJSON: () => row}))};
    };
    const js = storyEngine({respondents: survey.respondents, options: survey.options, design: survey.design});
    const sql = sqlStoryEngine({query, options: survey.options, design: survey.design});
    expect([js.kind, sql.kind]).toEqual(["js", "duckdb"]);
    // Twice through the list: the second time every answer comes from the aggregates kept per items and weighting.
    for (const filter of [...filters(survey.meta.sizeClasses), ...filters(survey.meta.sizeClasses)]) {
      const {weighted} = filter;
      const fresh = finishDistribution(countAnswers(survey.respondents, {items, weighted}), {items, options: survey.options, filter, design: survey.design, bySize: true});
      const fromJs = await js.distribution(filter, {items, bySize: true});
      const fromSql = await sql.distribution(filter, {items, bySize: true});
      expect(fromJs).toEqual(fresh);
      expect(fromSql.map((r) => ({...r, share: null}))).toEqual(fresh.map((r) => ({...r, share: null})));
      for (const [i, row] of fresh.entries()) expect(close(fromSql[i].share, row.share), `${row.item_id} ${row.group} ${row.code}`).toBe(true);
      const scale = "beschikbaarheid";
      const freshMeans = finishMeans(scaleMoments(survey.respondents, {scale, weighted}), {filter, design: survey.design});
      expect(await js.means(filter, {scale})).toEqual(freshMeans);
      const sqlMeans = await sql.means(filter, {scale});
      for (const [i, row] of freshMeans.entries()) for (const key of ["n", "mean", "se", "low", "high"] as const) expect(close(sqlMeans[i][key], row[key]), `${row.group} ${key}`).toBe(true);
    }
  });
});

describe("with no filter the engines reproduce the printed tables", () => {
  test("every table, every size class and the total (mean to two decimals and n)", () => {
    const none: StoryFilter = {sizes: [...survey.meta.sizeClasses], role: "alle", weighted: false};
    for (const table of survey.meta.published.tables) {
      const rows = finishMeans(scaleMoments(survey.respondents, {scale: table.scale, weighted: false}), {filter: none, design: survey.design});
      for (const printed of [...table.rows, {...table.total, size_class: "Totaal"}]) {
        const row = rows.find((r) => r.group === printed.size_class)!;
        expect(Math.round(row.mean! * 100) / 100, `${table.id} ${table.scale} ${printed.size_class}`).toBeCloseTo(printed.mean, 5);
        expect(row.n).toBe((printed as {n_consistent?: number}).n_consistent ?? printed.n);
      }
    }
  });
});
