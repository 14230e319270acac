// The two DuckDB engines a notebook meets: @duckdb/node-api (DuckDB 1.5, the tests and loaders) and DuckDB-WASM
// (1.32 = DuckDB 1.4, the page), the latter through its node build of the same wasm file. One suite runs on both.
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import type {BoundValue} from "../../../src/components/notebook/parameters.ts";

export interface Engine {
  name: string;
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** Prepares `sql`, binds `params` to $1..$n by their type and runs it, as the notebook's executors do. */
  execute(sql: string, params: BoundValue[]): Promise<void>;
  close(): void;
}

/** DuckDB-WASM's synchronous node connection, as far as the tests use it. */
export interface BlockingConnection {
  query(sql: string): {toArray(): {toJSON(): Record<string, unknown>}[]};
  prepare(sql: string): {query(...params: unknown[]): unknown; close(): void};
  close(): void;
}

export async function nodeEngine(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return {
    name: "@duckdb/node-api",
    run: async (sql) => void (await connection.run(sql)),
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
    execute: async (sql, params) => {
      const statement = await connection.prepare(sql);
      params.forEach((p, i) => (p.type === "VARCHAR" ? statement.bindVarchar(i + 1, p.value) : statement.bindDouble(i + 1, p.value)));
      await statement.run();
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

export async function wasmEngine(): Promise<Engine & {connection: BlockingConnection}> {
  const require = createRequire(import.meta.url);
  const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
  const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  const bundles = {
    mvp: {mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: join(dist, "duckdb-node-mvp.worker.cjs")},
    eh: {mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: join(dist, "duckdb-node-eh.worker.cjs")}
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  const connection: BlockingConnection = db.connect();
  return {
    name: "DuckDB-WASM",
    connection,
    run: async (sql) => void connection.query(sql),
    rows: async (sql) => connection.query(sql).toArray().map((row: {toJSON(): Record<string, unknown>}) => ({...row.toJSON()})),
    // the page's way: DuckDB-WASM binds each JavaScript value by its type (string -> VARCHAR, number -> DOUBLE)
    execute: async (sql, params) => {
      const statement = connection.prepare(sql);
      try {
        statement.query(...params.map((p) => p.value));
      } finally {
        statement.close();
      }
    },
    close: () => {
      connection.close();
      db.reset?.();
    }
  };
}

export const engines = [nodeEngine, wasmEngine];
