// The page's executor keeps the first rows of a named result and counts all of them, with bound parameters.
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {tableExecutor} from "../../../../src/components/notebook/page/table-executor.ts";
import {prepareCell} from "../../../../src/components/notebook/parameters.ts";
import type {InputCell} from "../../../../src/components/notebook/notebook.ts";
import {nodeTableConnection} from "./table-connection.ts";

let connection: DuckDBConnection;
beforeEach(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
});
afterEach(() => connection?.closeSync());

describe("tableExecutor", () => {
  it("keeps the first rows as Arrow and counts all of them; the result table is there to read again", async () => {
    const inputs = new Map<string, InputCell>([["tot", {kind: "input", id: "i", name: "tot", control: "range", min: 1, max: 100, step: 1, value: 25}]]);
    const run = tableExecutor(async () => nodeTableConnection(connection), {keepRows: 10});
    const {sql, params} = prepareCell("reeks", "SELECT range AS i FROM range($tot::INTEGER)", inputs);
    const result = await run.runSql("reeks", sql, params);
    expect(result.table.numRows).toBe(10);
    expect(result.rowCount).toBe(25);
    expect(result.name).toBe("reeks");
    expect((await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM reeks")).getRowObjectsJS()).toEqual([{n: 25}]);
    const small = await run.runSql("reeks", "CREATE OR REPLACE TEMP TABLE reeks AS SELECT 1 AS i", []);
    expect([small.table.numRows, small.rowCount]).toEqual([1, 1]);
  });
});
