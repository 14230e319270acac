// The notebook runner's executor over a DuckDB-WASM connection (AsyncDuckDBConnection in the page): run the cell's
// statement with its values bound (./run-statement.ts), read the result table back as plain rows. One connection for
// the whole notebook, because the named results are temporary tables and those belong to their connection.
import type {InputCell, InputValue, Notebook} from "./notebook.js";
import {prepareCell} from "./parameters.js";
import type {NotebookExecutor} from "./runner.js";
import {runStatement, type StatementConnection} from "./run-statement.js";

export type Row = Record<string, unknown>;

/** The part of DuckDB-WASM's AsyncDuckDBConnection the notebook uses. */
export interface WasmConnection extends StatementConnection {
  query(sql: string): Promise<{toArray(): {toJSON(): Row}[]}>;
}

export function wasmExecutor(connection: WasmConnection): NotebookExecutor<Row[]> {
  return {
    async runSql(name, sql, params) {
      await runStatement(connection, sql, params);
      return (await connection.query(`FROM ${name}`)).toArray().map((row) => ({...row.toJSON()}));
    }
  };
}

/**
 * Runs one SQL cell of `notebook` with the current input values (by input name), e.g. in an exported Framework page
 * where the page's own reactivity decides when: `const tabel1 = await runCell(run, notebook, "tabel1", {grootte})`.
 */
export async function runCell(executor: NotebookExecutor<Row[]>, notebook: Notebook, name: string, values: Record<string, InputValue | InputValue[]> = {}): Promise<Row[]> {
  const cell = notebook.cells.find((c) => c.kind === "sql" && c.name === name);
  if (!cell || cell.kind !== "sql") throw new Error(`Er is geen SQL-cel met de naam ${name}.`);
  const inputs = new Map<string, InputCell>();
  for (const c of notebook.cells) {
    // the page's current value (what the reader chose), else the value saved in the notebook
    if (c.kind === "input") inputs.set(c.name, values[c.name] === undefined ? c : ({...c, value: values[c.name]} as InputCell));
  }
  const prepared = prepareCell(cell.name, cell.sql, inputs);
  return executor.runSql(cell.name, prepared.sql, prepared.params);
}
