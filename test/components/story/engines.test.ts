// The story's two engines (JavaScript over hyparquet rows for the first draw, SQL in DuckDB after a filter change)
// must give the same numbers. One suite, both engines, over the pipeline's real Parquet output.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openSurveyDb, type SurveyDb} from "../../helpers/survey-db.ts";
import {countAnswers, scaleMoments} from "../../../src/components/story/engine-js.ts";
import {countAnswersSql, scaleMomentsSql} from "../../../src/components/story/engine-sql.ts";
import {finishDistribution, finishMeans, groupsOf, type Respondent, type StoryFilter} from "../../../src/components/story/model.ts";
import {readParquetRows} from "../../../src/components/parquet.ts";
import {parquetToArrow} from "../../../src/components/parquet-arrow.ts";
import codebook from "../../../data/codebook.json" with {type: "json"};
import published from "../../../data/published.json" with {type: "json"};

let db: SurveyDb;
let respondents: Respondent[];
beforeAll(async () => {
  db = await openSurveyDb();
  // Read the Parquet file the way the browser does (hyparquet), not through DuckDB.
  respondents = (await readParquetRows(readFileSync(join(db.dir, "respondents.parquet")))) as Respondent[];
}, 120_000);
afterAll(() => db?.close());

const filters: StoryFilter[] = [
  {sizes: ["<25.000", "25.001-50.000", "50.001-100.000", ">100.000"], role: "alle", weighted: false},
  {sizes: ["<25.000", "25.001-50.000", "50.001-100.000", ">100.000"], role: "alle", weighted: true},
  {sizes: ["25.001-50.000", ">100.000"], role: "gemeentesecretaris", weighted: false},
  {sizes: ["50.001-100.000"], role: "andere functie", weighted: true},
  {sizes: [], role: "alle", weighted: false}
];
const options = (item: string) => {
  const scale = codebook.items.find((i) => i.id === item)!.response_scale as keyof typeof codebook.response_scales;
  return codebook.response_scales[scale].options;
};
const close = (a: number | null, b: number | null) => (a == null || b == null ? a === b : Math.abs(a - b) < 1e-9);

describe("hyparquet reads the respondents as DuckDB does", () => {
  test("same rows, same values, nulls kept", async () => {
    const viaDuckDB = await db.rows<Record<string, unknown>>("SELECT * FROM respondents ORDER BY respondent_id");
    const viaHyparquet = [...respondents].sort((a, b) => a.respondent_id.localeCompare(b.respondent_id));
    expect(viaHyparquet.length).toBe(viaDuckDB.length);
    for (const [i, row] of viaDuckDB.entries()) for (const [key, value] of Object.entries(row)) expect([key, viaHyparquet[i][key] ?? null]).toEqual([key, value ?? null]);
  });

  test("parquetToArrow keeps the column types and nulls", async () => {
    const table = await parquetToArrow(readFileSync(join(db.dir, "respondents.parquet")));
    expect(table.numRows).toBe(respondents.length);
    expect(String(table.schema.fields.find((f) => f.name === "bes_behoeften")!.type)).toBe("Int32");
    expect(String(table.schema.fields.find((f) => f.name === "beschikbaarheid")!.type)).toBe("Float64");
    expect(table.getChild("beschikbaarheid")!.nullCount).toBe(respondents.filter((r) => r.beschikbaarheid == null).length);
  });
});

describe("JavaScript and SQL engines agree", () => {
  for (const filter of filters) {
    const name = JSON.stringify(filter);
    test(`answer distributions by size class, ${name}`, async () => {
      const items = ["uit_nieuw", "bes_doorstroom", "inf_afdeling", "beh_schakelpunt", "inw_onderzoek", "eva_raad"];
      const args = {items, options, groups: groupsOf(filter, true)};
      const js = finishDistribution(countAnswers(respondents, filter, {items, bySize: true}), args);
      const sql = finishDistribution(await db.rows(countAnswersSql(filter, {items, bySize: true})), args);
      expect(sql.length).toBe(js.length);
      for (const [i, row] of js.entries()) {
        expect({...sql[i], share: null}).toEqual({...row, share: null});
        expect(close(sql[i].share, row.share), `${row.item_id} ${row.group} ${row.code}`).toBe(true);
      }
    });
    test(`scale means and intervals, ${name}`, async () => {
      for (const scale of ["beschikbaarheid", "kennismanagement", "inwoners_betrekken"]) {
        const js = finishMeans(scaleMoments(respondents, filter, {scale}), groupsOf(filter, true));
        const sql = finishMeans(await db.rows(scaleMomentsSql(filter, {scale})), groupsOf(filter, true));
        expect(sql.map((r) => [r.group, r.n, r.suppressed])).toEqual(js.map((r) => [r.group, r.n, r.suppressed]));
        for (const [i, row] of js.entries()) for (const key of ["mean", "low", "high"] as const) expect(close(sql[i][key], row[key]), `${scale} ${row.group} ${key}`).toBe(true);
      }
    });
  }
});

describe("with no filter the engines reproduce the printed tables", () => {
  const none = filters[0];
  for (const table of published.tables) {
    test(`${table.id} ${table.scale}`, () => {
      const rows = finishMeans(scaleMoments(respondents, none, {scale: table.scale}), groupsOf(none, true));
      for (const printed of [...table.rows, {...table.total, size_class: "Totaal"}]) {
        const row = rows.find((r) => r.group === printed.size_class)!;
        expect(Math.round(row.mean! * 100) / 100).toBeCloseTo(printed.mean, 5);
        expect(row.n).toBe((printed as {n_consistent?: number}).n_consistent ?? printed.n);
      }
    });
  }
});
