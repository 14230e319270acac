// The page's executor on DuckDB-WASM (its node build of the same wasm), driven by the notebook runner.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Notebook} from "../../../src/components/notebook/notebook.ts";
import {NotebookRunner} from "../../../src/components/notebook/runner.ts";
import {runCell, wasmExecutor, type Row, type WasmConnection} from "../../../src/components/notebook/wasm-executor.ts";
import {wasmEngine, type BlockingConnection} from "./engines.ts";

/** The blocking connection behind the async interface of the page's AsyncDuckDBConnection. */
function asAsync(c: BlockingConnection): WasmConnection {
  return {
    prepare: async (sql) => {
      const s = c.prepare(sql);
      return {query: async (...params) => s.query(...params), close: async () => s.close()};
    },
    query: async (sql) => c.query(sql)
  };
}

const notebook: Notebook = {
  version: 1,
  title: "",
  cells: [
    {kind: "sql", id: "q2", name: "telling", sql: "SELECT count(*)::INTEGER AS n FROM gekozen"},
    {kind: "sql", id: "q1", name: "gekozen", sql: "FROM respondents WHERE list_contains($grootte, size_class) AND score >= $drempel"},
    {kind: "input", id: "i1", name: "grootte", control: "checkboxes", options: ["klein", "groot"], value: ["klein"]},
    {kind: "input", id: "i2", name: "drempel", control: "range", min: 0, max: 10, step: 1, value: 2}
  ]
};

describe("wasmExecutor", () => {
  let engine: Awaited<ReturnType<typeof wasmEngine>>;
  beforeAll(async () => {
    engine = await wasmEngine();
    await engine.run("CREATE TABLE respondents AS SELECT * FROM (VALUES ('klein', 1), ('klein', 3), ('groot', 5)) t(size_class, score)");
  }, 120_000);
  afterAll(() => engine?.close());

  it("runs a notebook with the runner, lists and numbers bound", async () => {
    const runner = new NotebookRunner<Row[]>(wasmExecutor(asAsync(engine.connection)));
    await runner.run(notebook);
    expect(runner.states.get("q2")).toEqual({status: "done", result: [{n: 1}]});
    const wider: Notebook = {...notebook, cells: notebook.cells.map((c) => (c.id === "i1" ? {...c, value: ["klein", "groot"]} : c)) as Notebook["cells"]};
    expect((await runner.run(wider, ["i1"])).ran).toEqual(["i1", "q1", "q2"]);
    expect(runner.states.get("q2")).toEqual({status: "done", result: [{n: 2}]});
  });

  it("runCell takes the page's current input values", async () => {
    const run = wasmExecutor(asAsync(engine.connection));
    expect(await runCell(run, notebook, "gekozen", {grootte: ["groot"], drempel: 0})).toEqual([{size_class: "groot", score: 5}]);
    expect(await runCell(run, notebook, "telling")).toEqual([{n: 1}]);
    await expect(runCell(run, notebook, "nergens")).rejects.toThrow("Er is geen SQL-cel met de naam nergens.");
  });
});
