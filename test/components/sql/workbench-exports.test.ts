// The workbench's export actions against its store, without a browser: what is saved, what the status says, and
// that a failure goes to the error box and back to the export bar.
import {Int32, Table, Utf8, vectorFromArray} from "apache-arrow";
import {describe, expect, it} from "vitest";
import type {QueryResult} from "../../../src/components/sql/run.js";
import {createStore} from "../../../src/components/sql/store.js";
import {exportActions} from "../../../src/components/sql/workbench-exports.js";
import {initialWorkbenchState, type WorkbenchState} from "../../../src/components/sql/workbench-state.js";

function result(rows: number, complete = true): QueryResult {
  const table = new Table({
    i: vectorFromArray(Array.from({length: rows}, (_, r) => r), new Int32()),
    naam: vectorFromArray(Array.from({length: rows}, (_, r) => `rij ${r}`), new Utf8())
  });
  return {table, rowCount: complete ? rows : rows * 10, complete, elapsedMs: 1, firstRowsMs: 1};
}

function workbench(shown: QueryResult | null, {failing = false} = {}) {
  const connection = {
    async send() {
      throw new Error("Binder Error: the database is closed");
    },
    async cancelSent() {
      return true;
    }
  };
  const store = createStore<WorkbenchState>({
    ...initialWorkbenchState([]),
    database: shown ? ({connection} as unknown as WorkbenchState["database"]) : null,
    status: "",
    resultSql: "SELECT i, naam FROM t",
    result: shown
  });
  const saved: {name: string; text: Promise<string>}[] = [];
  const copied: string[] = [];
  const root = {dataset: {}} as HTMLElement; // all the actions touch of the workbench element
  const actions = exportActions(store, {
    root,
    save: (blob, name) => saved.push({name, text: blob.text()}),
    clipboard: () => ({writeText: async (text: string) => (failing ? Promise.reject(new Error("denied")) : void copied.push(text))})
  });
  return {store, saved, copied, root, actions};
}

describe("exportActions", () => {
  it("saves a complete result as resultaat.csv and says how many rows", async () => {
    const {store, saved, actions} = workbench(result(3));
    await actions.csv();
    expect(store.state.error).toBeNull();
    expect(saved.map((s) => s.name)).toEqual(["resultaat.csv"]);
    expect((await saved[0].text).trim().split(/\r?\n/)).toEqual(["i,naam", "0,rij 0", "1,rij 1", "2,rij 2"]);
    expect(store.state.status).toBe("3 rijen als CSV geschreven.");
    expect(store.state.exportView).toEqual({kind: "bar"});
  });

  it("a result whose rows must be fetched again, from a database that refuses, ends in the error box and the bar", async () => {
    const {store, saved, actions} = workbench(result(3, false));
    await actions.csv();
    expect(saved).toEqual([]);
    expect(store.state.error?.title).toBe("De export lukte niet.");
    expect(store.state.exportView).toEqual({kind: "bar"});
  });

  it("asks before a Parquet file of more than a million rows, and saves nothing yet", async () => {
    const big = {...result(2), rowCount: 2_000_000, complete: false};
    const {store, saved, actions} = workbench(big);
    await actions.parquet(false);
    expect(store.state.exportView).toEqual({kind: "confirm-parquet", rowCount: 2_000_000});
    expect(saved).toEqual([]);
  });

  it("copies the table as Markdown and keeps the text in data-copied; a refused clipboard is said, not thrown", async () => {
    const ok = workbench(result(2));
    await ok.actions.markdown();
    expect(ok.copied[0]).toMatch(/^\| i \| naam \|/);
    expect(ok.root.dataset.copied).toBe(ok.copied[0]);
    expect(ok.store.state.status).toContain("Markdown op het klembord");
    const refused = workbench(result(2), {failing: true});
    await refused.actions.copy("x", "gekopieerd");
    expect(refused.store.state.status).toBe("Kopiëren naar het klembord lukte niet in deze browser.");
  });

  it("does nothing without a result", async () => {
    const {store, saved, actions} = workbench(null);
    await actions.csv();
    await actions.parquet(true);
    await actions.markdown();
    expect(saved).toEqual([]);
    expect(store.state.status).toBe("");
  });
});
