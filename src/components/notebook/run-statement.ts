// Runs a cell's statement (`CREATE OR REPLACE TEMP TABLE name AS ...`, see ./parameters.ts) on the notebook's DuckDB
// connection: prepared, the input values bound in order, and closed also when it fails. Both executors (the page's,
// ./page/table-executor.ts, and the plain-rows one, ./wasm-executor.ts) run cells through it.
import type {BoundValue} from "./parameters.js";

/** The part of DuckDB-WASM's AsyncDuckDBConnection (or a test's stand-in) that runs a statement. */
export interface StatementConnection {
  prepare(sql: string): Promise<{query(...params: unknown[]): Promise<unknown>; close(): Promise<void>}>;
}

export async function runStatement(connection: StatementConnection, sql: string, params: readonly BoundValue[]): Promise<void> {
  const statement = await connection.prepare(sql);
  try {
    await statement.query(...params.map((p) => p.value));
  } finally {
    await statement.close();
  }
}
