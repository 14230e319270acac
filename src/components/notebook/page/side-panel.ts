// Beside the cells: the tables there are (the workbench's schema panel, read once DuckDB has loaded, and again after
// the reader added a file), the workbench's drop zone for the reader's own CSV or Parquet file, which then becomes
// a table that any cell can query, and the last queries run in this browser (the workbench's history, shared with
// /sql), each of which can become a new cell. Nothing is loaded before the reader asks: opening the tables or adding
// a file starts the database.
import {html} from "htl";
import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
import {dropZone} from "../../sql/drop-zone.js";
import {addOwnFiles, type DropTarget} from "../../sql/drop.js";
import {completionSchema, readSchema, type SchemaTable} from "../../sql/schema.js";
import {schemaPanel} from "../../sql/schema-panel.js";
import type {HistoryEntry} from "../../sql/history.js";
import {historyItems} from "../../sql/history-panel.js";
import type {CompletionSchema} from "../../sql/editor.js";
import type {TableConnection} from "./table-executor.js";

/** What the notebook page loads on demand: its connection, and the database for the reader's own files. */
export interface NotebookDatabase {
  connection: TableConnection;
  db?: AsyncDuckDB;
  loadParquetTable?: DropTarget["loadParquetTable"];
}

export interface SidePanel {
  element: HTMLElement;
  /** Reads the tables again (after the database loaded); tells the editors the names for completion. */
  refresh(): Promise<void>;
  /** Shows the last queries, newest first. */
  showHistory(entries: HistoryEntry[]): void;
}

/** `pickQuery`: the reader chose a query from the history. */
export function sidePanel(load: () => Promise<NotebookDatabase>, onSchema: (schema: CompletionSchema) => void, pickQuery: (sql: string) => void): SidePanel {
  let tables: SchemaTable[] = [];
  const schemaHost = html`<div class="sql-schema">${schemaPanel([])}</div>`;
  const status = html`<p class="sql-drop-status" role="status" aria-live="polite"></p>`;
  const refresh = async () => {
    const {connection} = await load();
    tables = await readSchema((sql) => connection.query(sql));
    schemaHost.replaceChildren(schemaPanel(tables));
    onSchema(completionSchema(tables));
  };
  const addFiles = async (files: File[]) => {
    const database = await load();
    if (!database.db || !database.loadParquetTable) return void (status.textContent = "Eigen bestanden kunnen hier niet worden ingelezen.");
    await addOwnFiles(files, {db: database.db, loadParquetTable: database.loadParquetTable}, {
      taken: () => tables.map((t) => t.name),
      say: (text) => (status.textContent = text),
      loaded: async (file, table) => {
        await refresh();
        return `${file.name} staat nu in tabel ${table}; een cel leest hem met FROM "${table}".`;
      }
    });
  };
  const historyList = html`<ol class="sql-history"></ol>`;
  const element = html`<aside class="notebook-side">
    <details class="notebook-tables"><summary>Tabellen en kolommen</summary>${schemaHost}</details>
    <details class="notebook-own-file"><summary>Eigen bestand toevoegen</summary>${dropZone((files) => void addFiles(files))}${status}</details>
    <details class="notebook-history"><summary>Laatste queries (in deze browser)</summary><p class="sql-hint">Ook die van de SQL-werkbank. Kies er een om hem als nieuwe SQL-cel toe te voegen.</p>${historyList}</details>
  </aside>`;
  // opening the list of tables is a reason to load the database
  element.querySelector("details.notebook-tables")!.addEventListener("toggle", (event: Event) => {
    if ((event.target as HTMLDetailsElement).open && !tables.length) void refresh().catch(() => null);
  });
  return {element, refresh, showHistory: (entries) => historyList.replaceChildren(...historyItems(entries, pickQuery))};
}
