// The notebook runner's executor in the page: like ../wasm-executor.ts (runs the cell's statement on the notebook's one
// connection, ../run-statement.ts), but it reads back only the first rows of the named result as an Arrow table, with
// the count of all rows, so that the SQL workbench's result table, pager and CSV/Parquet exports show and write it
// unchanged and a result of a million rows is never copied out of DuckDB whole (exports stream it again). The
// connection is asked for only when a cell runs, so that DuckDB-WASM starts on demand.
import type {Table} from "apache-arrow";
import type {NotebookExecutor} from "../runner.js";
import {runStatement, type StatementConnection} from "../run-statement.js";

/** Rows of a named result kept in the page (the table, its pages and charts), as in the SQL workbench. */
export const KEEP_ROWS = 10_000;

/** The part of DuckDB-WASM's AsyncDuckDBConnection this executor uses. */
export interface TableConnection extends StatementConnection {
  query(sql: string): Promise<Table>;
}

/** A named result as the page holds it. */
export interface CellResult {
  /** The first `KEEP_ROWS` rows. */
  table: Table;
  /** All rows of the result. */
  rowCount: number;
  /** The result's name: `FROM name` reads it again, e.g. for an export of every row. */
  name: string;
}

export function tableExecutor(connection: () => Promise<TableConnection>, {keepRows = KEEP_ROWS} = {}): NotebookExecutor<CellResult> {
  return {
    async runSql(name, sql, params) {
      const open = await connection();
      await runStatement(open, sql, params);
      // the name passed parseNotebook's NAME_PATTERN: a plain identifier that needs no quoting
      const table = await open.query(`FROM ${name} LIMIT ${keepRows}`);
      const rowCount = table.numRows < keepRows ? table.numRows : Number((await open.query(`SELECT count(*)::DOUBLE AS n FROM ${name}`)).getChildAt(0)!.get(0));
      return {table, rowCount, name};
    }
  };
}
