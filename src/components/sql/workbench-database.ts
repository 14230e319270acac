// What the workbench does with its database besides running queries: read the schema again, load the reader's own
// files, and switch to a database that may read from the internet (after consent) and back. The reader's own
// tables come along on every switch. The actions read and change the workbench's store only, so they are tested
// without a browser.
import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
import {addOwnFiles, loadDroppedFile, type DropTarget} from "./drop.js";
import {nextConsentStep} from "./network-panel.js";
import type {NetworkAccess} from "./network.js";
import {readSchema} from "./schema.js";
import type {Store} from "./store.js";
import type {OpenDatabase, WorkbenchDatabase, WorkbenchState} from "./workbench-state.js";

export interface DatabaseOptions {
  /** Opens a second database that may read files from the internet; called only after the reader consented. */
  openRemoteDatabase?: () => Promise<WorkbenchDatabase>;
  loadParquetTable(db: AsyncDuckDB, table: string, bytes: Uint8Array): Promise<void>;
  /** Resolves when the page's own database is open (or failed to open). */
  ready: () => Promise<void>;
  /** Called after a file became a table (the workbench puts a query on it in the editor). */
  onFileLoaded?: (table: string) => void;
  /** Loads one file into a table (default: loadDroppedFile; tests pass their own). */
  loadFile?: (target: DropTarget, file: File, table: string) => Promise<void>;
}

export interface DatabaseActions {
  refreshSchema(): Promise<void>;
  addFiles(files: File[]): Promise<void>;
  /** Opens the database with internet access ("remote") or returns to the offline one. */
  switchDatabase(access: NetworkAccess): Promise<void>;
}

export function databaseActions(store: Store<WorkbenchState>, {openRemoteDatabase, loadParquetTable, ready, onFileLoaded, loadFile = loadDroppedFile}: DatabaseOptions): DatabaseActions {
  async function refreshSchema() {
    const open = store.state.database;
    if (open) store.set({tables: await readSchema((sql) => open.connection.query(sql))});
  }

  async function addFiles(files: File[]) {
    if (!store.state.database) await ready();
    const open = store.state.database;
    if (!open) return;
    await addOwnFiles(files, {db: open.db, loadParquetTable}, {
      taken: () => store.state.tables.map((t) => t.name),
      say: (dropStatus) => store.set({dropStatus}),
      load: loadFile,
      loaded: async (file, table) => {
        store.set({ownFiles: [...store.state.ownFiles, {file, table}]});
        await refreshSchema();
        onFileLoaded?.(table);
        return `${file.name} staat nu in tabel ${table}.`;
      }
    });
  }

  async function switchDatabase(access: NetworkAccess) {
    const {consent, database: current, offline, ownFiles} = store.state;
    store.set({consent: nextConsentStep(consent, access === "remote" ? "allow" : "close")});
    if (store.state.running) await store.state.running.cancel().catch(() => null);
    try {
      let next: OpenDatabase;
      if (access === "remote") {
        if (!openRemoteDatabase) throw new Error("deze pagina kan geen database met internettoegang openen");
        const opened = await openRemoteDatabase();
        next = {...opened, connection: await opened.db.connect()};
      } else {
        next = offline!;
        await current?.connection.close().catch(() => null);
        await current?.db.terminate().catch(() => null);
      }
      for (const {file, table} of ownFiles) await loadFile({db: next.db, loadParquetTable}, file, table);
      store.set({
        database: next,
        consent: nextConsentStep(store.state.consent, access === "remote" ? "opened" : "closed"),
        status: access === "remote" ? "Bestanden van internet staan aan voor dit bezoek." : "De database is weer afgesloten van internet."
      });
      await refreshSchema();
    } catch (error) {
      const title = access === "remote" ? "De database met toegang tot internet kon niet worden geopend." : "De database kon niet opnieuw worden geopend; herlaad de pagina.";
      store.set({consent: nextConsentStep(store.state.consent, "failed"), status: "", error: {title, detail: error instanceof Error ? error.message : String(error)}});
    }
  }

  return {refreshSchema, addFiles, switchDatabase};
}
