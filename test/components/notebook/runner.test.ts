import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import type {Cell, Notebook} from "../../../src/components/notebook/notebook.ts";
import {NotebookRunner, type NotebookExecutor} from "../../../src/components/notebook/runner.ts";
import {nodeExecutor, type Rows} from "./node-executor.ts";

const nb = (cells: Cell[]): Notebook => ({version: 1, title: "", cells});
const sql = (id: string, name: string, text: string): Cell => ({kind: "sql", id, name, sql: text});

// positions deliberately not in dependency order
const notebook = nb([
  {kind: "chart", id: "g", from: "per_klasse", mark: "bar", x: "size_class", y: "n"},
  sql("q2", "per_klasse", "SELECT size_class, count(*)::INTEGER AS n FROM gekozen GROUP BY ALL ORDER BY ALL"),
  sql("q1", "gekozen", "FROM respondents WHERE list_contains($grootte, size_class)"),
  sql("q3", "alles", "SELECT count(*)::INTEGER AS n FROM respondents"),
  {kind: "input", id: "i", name: "grootte", control: "checkboxes", options: ["klein", "groot"], value: ["klein"]}
]);

describe("NotebookRunner", () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeEach(async () => {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    await connection.run("CREATE TABLE respondents AS SELECT * FROM (VALUES ('klein'), ('klein'), ('groot')) t(size_class)");
  });
  afterEach(() => {
    connection?.closeSync();
    instance?.closeSync();
  });

  it("runs every cell in dependency order, then exactly the dependants of an input", async () => {
    const log: string[] = [];
    const runner = new NotebookRunner(nodeExecutor(connection, log));
    // page order breaks ties among cells that are ready
    expect((await runner.run(notebook)).ran).toEqual(["q3", "i", "q1", "q2", "g"]);
    expect(log).toEqual(["alles", "gekozen", "per_klasse"]);
    expect(runner.states.get("g")).toEqual({status: "done", result: [{size_class: "klein", n: 2}]});
    log.length = 0;
    const changed = nb(notebook.cells.map((c) => (c.id === "i" ? {...c, value: ["klein", "groot"]} : c)) as Cell[]);
    expect((await runner.run(changed, ["i"])).ran).toEqual(["i", "q1", "q2", "g"]);
    expect(log).toEqual(["gekozen", "per_klasse"]);
    expect(runner.states.get("g")).toEqual({status: "done", result: [{size_class: "groot", n: 1}, {size_class: "klein", n: 2}]});
  });

  it("a failing cell blocks only its own dependants, naming itself; the rest still run", async () => {
    const log: string[] = [];
    const runner = new NotebookRunner(nodeExecutor(connection, log));
    const broken = nb(notebook.cells.map((c) => (c.id === "q1" ? {...c, sql: "SELECT * FROM bestaat_niet"} : c)) as Cell[]);
    await runner.run(broken);
    expect(log).toEqual(["gekozen", "alles"]);
    expect(runner.states.get("q1")).toMatchObject({status: "error", message: expect.stringMatching(/^Cel gekozen: Catalog Error: Table with name bestaat_niet does not exist/)});
    expect(runner.states.get("q2")).toEqual({status: "blocked", by: "gekozen", message: "Wacht op cel gekozen, die een fout gaf."});
    expect(runner.states.get("g")).toEqual({status: "blocked", by: "gekozen", message: "Wacht op cel gekozen, die een fout gaf."});
    expect(runner.states.get("q3")).toEqual({status: "done", result: [{n: 3}]});
  });

  it("shows a cycle or an unknown parameter as an error on that cell, without running it", async () => {
    const log: string[] = [];
    const runner = new NotebookRunner(nodeExecutor(connection, log));
    await runner.run(nb([sql("a", "x", "FROM y"), sql("b", "y", "FROM x"), sql("c", "z", "SELECT $nergens"), sql("d", "w", "SELECT 1 AS een")]));
    expect(log).toEqual(["w"]);
    expect(runner.states.get("a")).toEqual({status: "error", message: "Cel x hangt van zichzelf af: x → y → x."});
    expect(runner.states.get("c")).toEqual({status: "error", message: "Cel z: onbekende parameter $nergens; maak een invoercel met de naam nergens."});
  });

  it("a newer change supersedes the older run: the older one starts no further cell, the newer one takes over what it left", async () => {
    const log: string[] = [];
    const real = nodeExecutor(connection, log);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    let calls = 0;
    const gated: NotebookExecutor<Rows> = {
      async runSql(name, text, params) {
        if (calls++ === 0) {
          started();
          await gate;
        }
        return real.runSql(name, text, params);
      }
    };
    const runner = new NotebookRunner(gated);
    const first = runner.run(notebook, ["i"]);
    await firstStarted;
    const second = runner.run(notebook, ["q3"]);
    release();
    expect(await first).toEqual({ran: ["i", "q1"], superseded: true});
    expect(await second).toEqual({ran: ["q3", "q2", "g"], superseded: false});
    expect(log).toEqual(["gekozen", "alles", "per_klasse"]);
    expect([...runner.states.values()].every((s) => s.status === "done")).toBe(true);
  });
});
