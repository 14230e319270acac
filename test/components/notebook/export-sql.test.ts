import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {exportSql} from "../../../src/components/notebook/export-sql.ts";
import type {Notebook} from "../../../src/components/notebook/notebook.ts";
import {openSurveyDb, type SurveyDb} from "../../helpers/survey-db.ts";
import {siteMeta} from "../../../loaders/pipeline/site-data.ts";

const notebook: Notebook = {
  version: 1,
  title: "Beschikbaarheid\nDROP TABLE respondents;",
  cells: [
    {kind: "chart", id: "g", from: "per_klasse", mark: "mean-interval", x: "mean", y: "groep"},
    {kind: "sql", id: "q2", name: "per_klasse", sql: "FROM survey_mean_by('gekozen', 'beschikbaarheid', 'size_class') -- per klasse\n;"},
    {kind: "text", id: "t", markdown: "Uitleg\n*/ DROP TABLE respondents; --\r\nregel 3"},
    {kind: "sql", id: "q1", name: "gekozen", sql: "SELECT * FROM respondents WHERE list_contains($grootte, size_class) AND '$grootte' <> ''"},
    {kind: "input", id: "i", name: "grootte", label: "Grootte", control: "checkboxes", options: ["<25.000", "25.001-50.000", ">100.000"], value: ["<25.000", "25.001-50.000"]}
  ]
};

describe("exportSql", () => {
  let db: SurveyDb;
  beforeAll(async () => {
    db = await openSurveyDb();
  }, 120_000);
  afterAll(() => db?.close());

  it("writes inputs as SET VARIABLE, cells in dependency order with getvariable, text and charts as comments", async () => {
    const script = exportSql(notebook, {population: (await siteMeta()).population.sizeClassCounts});
    expect(script).toContain("-- Beschikbaarheid\n-- DROP TABLE respondents;\n");
    expect(script).toContain("-- Invoer grootte (Grootte), vinkjes; mogelijk: \"<25.000\", \"25.001-50.000\", \">100.000\". Pas de waarde hier aan.\nSET VARIABLE grootte = ['<25.000', '25.001-50.000'];");
    expect(script).toContain("CREATE OR REPLACE TEMP TABLE gekozen AS SELECT * FROM (\nSELECT * FROM respondents WHERE list_contains(getvariable('grootte'), size_class) AND '$grootte' <> ''\n);");
    expect(script).toContain("-- Uitleg\n-- */ DROP TABLE respondents; --\n-- regel 3");
    expect(script).toContain("-- Grafiek g: mean-interval van per_klasse (x = mean, y = groep); zie de notebook op de site.");
    expect(script.indexOf("SET VARIABLE grootte")).toBeLessThan(script.indexOf("TABLE gekozen"));
    expect(script.indexOf("TABLE gekozen")).toBeLessThan(script.indexOf("TABLE per_klasse"));
    expect(script).toContain("CREATE OR REPLACE MACRO survey_mean_by");
    expect(script.match(/^[^-\n].*DROP TABLE/m)).toBeNull();
  });

  it("runs in DuckDB and gives the notebook's numbers", async () => {
    // the site's tables are views in the test database already: leave out the read_parquet lines
    const script = exportSql(notebook, {population: (await siteMeta()).population.sizeClassCounts}).replace(/^CREATE OR REPLACE TABLE \w+ AS FROM read_parquet.*$/gm, "");
    await db.connection.run(script);
    const rows = await db.rows<{groep: string; n: number}>("SELECT groep, n FROM per_klasse");
    expect(rows.map((r) => r.groep)).toEqual(["25.001-50.000", "<25.000"]);
    const direct = await db.rows<{n: number}>("SELECT count(beschikbaarheid)::INTEGER AS n FROM respondents WHERE size_class IN ('<25.000', '25.001-50.000') GROUP BY size_class ORDER BY size_class");
    expect(rows.map((r) => r.n)).toEqual(direct.map((r) => r.n));
  });

  it("leaves out, with the reason, a cell that cannot run", () => {
    const broken: Notebook = {version: 1, title: "", cells: [{kind: "sql", id: "a", name: "x", sql: "SELECT $onbekend"}, {kind: "sql", id: "b", name: "y", sql: "SELECT 1; SELECT 2"}]};
    const script = exportSql(broken);
    expect(script).toContain("-- Niet opgenomen: Cel x: onbekende parameter $onbekend; maak een invoercel met de naam onbekend.");
    expect(script).toContain("-- Niet opgenomen: Cel y bevat meer dan één opdracht; zet elke query in een eigen cel.");
    expect(script).not.toContain("SELECT 2");
  });
});
