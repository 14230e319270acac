// The notebook runner's executor over @duckdb/node-api, as the page's is over DuckDB-WASM: prepare, bind by type, run,
// read the named result back.
import type {DuckDBConnection} from "@duckdb/node-api";
import type {BoundValue} from "../../../src/components/notebook/parameters.ts";
import type {NotebookExecutor} from "../../../src/components/notebook/runner.ts";

export type Rows = Record<string, unknown>[];

export function nodeExecutor(connection: DuckDBConnection, log: string[] = []): NotebookExecutor<Rows> {
  return {
    async runSql(name, sql, params) {
      log.push(name);
      const statement = await connection.prepare(sql);
      params.forEach((p, i) => bind(statement, i + 1, p));
      await statement.run();
      return (await connection.runAndReadAll(`FROM ${name}`)).getRowObjectsJS() as Rows;
    }
  };
}

function bind(statement: Awaited<ReturnType<DuckDBConnection["prepare"]>>, index: number, p: BoundValue) {
  switch (p.type) {
    case "VARCHAR":
      return statement.bindVarchar(index, p.value);
    case "DOUBLE":
      return statement.bindDouble(index, p.value);
  }
}
