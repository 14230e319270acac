import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import type {InputCell} from "../../../src/components/notebook/notebook.ts";
import {bindParameters, prepareCell, singleQuery} from "../../../src/components/notebook/parameters.ts";
import {nodeExecutor} from "./node-executor.ts";
import {engines} from "./engines.ts";

const attack = "'); DROP TABLE respondents; --";
const inputs = new Map<string, InputCell>([
  ["grootte", {kind: "input", id: "i1", name: "grootte", control: "checkboxes", options: ["<25.000", ">100.000", attack], value: ["<25.000", attack]}],
  ["functie", {kind: "input", id: "i2", name: "functie", control: "select", options: ["secretaris", attack], value: attack}],
  ["drempel", {kind: "input", id: "i3", name: "drempel", control: "range", min: 1, max: 4, step: 1, value: 2}],
  ["code", {kind: "input", id: "i4", name: "code", control: "select", options: [1, 2], value: 2}]
]);

describe("bindParameters", () => {
  it("turns names into positions outside strings and comments, binding each name once", () => {
    const p = bindParameters("SELECT '$functie', $functie, $drempel -- $code\n, \"$code\", $functie", inputs);
    expect(p.sql).toBe("SELECT '$functie', $1, $2 -- $code\n, \"$code\", $1");
    expect(p.params).toEqual([{type: "VARCHAR", value: attack}, {type: "DOUBLE", value: 2}]);
  });
  it("binds ticked boxes as a list of parameters, one per value, and numeric options as numbers", () => {
    const p = bindParameters("SELECT $grootte, $code, $grootte", inputs);
    expect(p.sql).toBe("SELECT CAST([$1, $2] AS VARCHAR[]), $3, CAST([$1, $2] AS VARCHAR[])");
    expect(p.params).toEqual([{type: "VARCHAR", value: "<25.000"}, {type: "VARCHAR", value: attack}, {type: "DOUBLE", value: 2}]);
    const none = new Map([["grootte", {...inputs.get("grootte")!, value: []} as InputCell]]);
    expect(bindParameters("SELECT $grootte", none)).toEqual({sql: "SELECT CAST([] AS VARCHAR[])", params: []});
  });
  it("refuses unknown and numbered parameters in Dutch", () => {
    expect(() => bindParameters("SELECT $x", inputs, "tabel1")).toThrow("Cel tabel1: onbekende parameter $x; maak een invoercel met de naam x.");
    expect(() => bindParameters("SELECT $1", inputs, "tabel1")).toThrow(/^Cel tabel1: genummerde parameters/);
  });
});

describe("singleQuery", () => {
  it("drops a trailing semicolon and comment, refuses a second statement", () => {
    expect(singleQuery("SELECT 1; -- klaar\n")).toBe("SELECT 1");
    expect(singleQuery("SELECT ';' -- ;\n FROM t")).toBe("SELECT ';' -- ;\n FROM t");
    expect(() => singleQuery("SELECT 1; DROP TABLE respondents", "t")).toThrow("Cel t bevat meer dan één opdracht; zet elke query in een eigen cel.");
    expect(() => singleQuery(" -- niets\n", "t")).toThrow(/^Cel t is leeg/);
  });
});

describe("prepareCell in DuckDB", () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    await connection.run(`CREATE TABLE respondents AS SELECT * FROM (VALUES ('<25.000', 'secretaris', 3.0), ('>100.000', '${attack.replace(/'/g, "''")}', 1.0), ('<25.000', 'wethouder', 1.5)) t(size_class, role, score)`);
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  it("a value that looks like SQL stays data: it is compared, not run", async () => {
    const run = nodeExecutor(connection);
    const p = prepareCell("tabel1", "SELECT * FROM respondents WHERE role = $functie OR (list_contains($grootte, size_class) AND score >= $drempel) ORDER BY score;", inputs);
    const rows = await run.runSql("tabel1", p.sql, p.params);
    expect(rows).toEqual([{size_class: ">100.000", role: attack, score: 1}, {size_class: "<25.000", role: "secretaris", score: 3}]);
    const still = await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM respondents");
    expect(still.getRowObjectsJS()).toEqual([{n: 3}]);
  });
  it("makes a temporary table that later cells read by name, also from SUMMARIZE and WITH", async () => {
    const run = nodeExecutor(connection);
    const a = prepareCell("tabel2", "WITH x AS (SELECT size_class FROM respondents) SELECT count(*)::INTEGER AS n FROM x -- telling", inputs);
    expect(await run.runSql("tabel2", a.sql, a.params)).toEqual([{n: 3}]);
    const b = prepareCell("tabel3", "SUMMARIZE tabel2", inputs);
    expect((await run.runSql("tabel3", b.sql, b.params))[0].column_name).toBe("n");
  });
});

for (const makeEngine of engines) {
  describe(`bound parameters in ${makeEngine.name}`, () => {
    it("a value that looks like SQL stays data, in a list or alone", async () => {
      const engine = await makeEngine();
      try {
        await engine.run(`CREATE TABLE respondents AS SELECT * FROM (VALUES ('<25.000', 'secretaris'), ('${attack.replace(/'/g, "''")}', 'x'), ('>100.000', '${attack.replace(/'/g, "''")}')) t(size_class, role)`);
        const p = prepareCell("tabel1", "SELECT size_class, role FROM respondents WHERE list_contains($grootte, size_class) OR role = $functie ORDER BY ALL", inputs);
        await engine.execute(p.sql, p.params);
        expect(await engine.rows("FROM tabel1")).toEqual([{size_class: "'); DROP TABLE respondents; --", role: "x"}, {size_class: "<25.000", role: "secretaris"}, {size_class: ">100.000", role: attack}]);
        expect(await engine.rows("SELECT count(*)::INTEGER AS n FROM respondents")).toEqual([{n: 3}]);
      } finally {
        engine.close();
      }
    }, 120_000);
  });
}
