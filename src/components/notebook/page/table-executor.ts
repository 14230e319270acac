// The notebook runner's executor in the page: like ../wasm-executor.ts (prepare, bind, run on the notebook's one
// connection), but it returns the named result as an Arrow table, so that the SQL workbench's result table, pager
// and CSV/Parquet exports show and write it unchanged. The connection is asked for only when a cell runs, so that
// DuckDB-WASM starts on demand.
import type {Table} from "apache-arrow";
import type {NotebookExecutor} from "../runner.js";

/** The part of DuckDB-WASM's AsyncDuckDBConnection this executor uses. */
export interface TableConnection {
  prepare(sql: string): Promise<{query(...params: unknown[]): Promise<unknown>; close(): Promise<void>}>;
  query(sql: string): Promise<Table>;
}

export function tableExecutor(connection: () => Promise<TableConnection>): NotebookExecutor<Table> {
  return {
    async runSql(name, sql, params) {
      const open = await connection();
      const statement = await open.prepare(sql);
      try {
        await statement.query(...params.map((p) => p.value));
      } finally {
        await statement.close();
      }
      // the name passed parseNotebook's NAME_PATTERN: a plain identifier that needs no quoting
      return open.query(`FROM ${name}`);
    }
  };
}
