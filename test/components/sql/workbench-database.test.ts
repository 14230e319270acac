// The workbench's database actions against its store, without a browser: the reader's own files become tables
// (and follow every switch of database), the remote database opens only through the consent steps, and a failure
// lands in the error box with the consent panel closed again.
import {Table, Utf8, vectorFromArray} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {createStore} from "../../../src/components/sql/store.js";
import {databaseActions} from "../../../src/components/sql/workbench-database.js";
import {initialWorkbenchState, type OpenDatabase, type WorkbenchDatabase} from "../../../src/components/sql/workbench-state.js";
import type {NetworkAccess} from "../../../src/components/sql/network.js";

/** A database whose catalog lists the tables loaded into it; it remembers whether it was closed. */
function fakeDatabase(access: NetworkAccess) {
  const tables: string[] = [];
  const log: string[] = [];
  const connection = {
    async query() {
      return new Table({
        table_name: vectorFromArray(tables, new Utf8()),
        column_name: vectorFromArray(tables.map(() => "a"), new Utf8()),
        data_type: vectorFromArray(tables.map(() => "INTEGER"), new Utf8())
      });
    },
    async close() {
      log.push("connection closed");
    }
  };
  const db = {
    async connect() {
      return connection;
    },
    async terminate() {
      log.push("terminated");
    }
  };
  const database = {db, access} as unknown as WorkbenchDatabase;
  const open = {...database, connection} as unknown as OpenDatabase;
  return {database, open, tables, log};
}

function workbench({remote = fakeDatabase("remote"), failRemote = false, failFile = false} = {}) {
  const offline = fakeDatabase("offline");
  const store = createStore({...initialWorkbenchState([]), database: offline.open, offline: offline.open});
  const loaded: {db: unknown; table: string}[] = [];
  const editorTexts: string[] = [];
  const actions = databaseActions(store, {
    openRemoteDatabase: async () => (failRemote ? Promise.reject(new Error("geen netwerk")) : remote.database),
    loadParquetTable: async () => undefined,
    ready: async () => undefined,
    onFileLoaded: (table) => editorTexts.push(table),
    loadFile: async (target, file, table) => {
      if (failFile) throw new Error("Invalid Input Error: CSV regel 3 heeft 2 kolommen, verwacht 3");
      loaded.push({db: target.db, table});
      (target.db === offline.database.db ? offline : remote).tables.push(table);
    }
  });
  return {store, actions, offline, remote, loaded, editorTexts};
}

const file = (name: string) => new File(["a\n1\n"], name);

describe("databaseActions", () => {
  it("loads a CSV file into a table named after it, reads the schema again and puts a query on it", async () => {
    const {store, actions, loaded, editorTexts} = workbench();
    await actions.addFiles([file("Mijn gemeenten.csv")]);
    expect(loaded.map((l) => l.table)).toEqual(["mijn_gemeenten"]);
    expect(store.state.ownFiles.map((f) => f.table)).toEqual(["mijn_gemeenten"]);
    expect(store.state.tables.map((t) => t.name)).toContain("mijn_gemeenten");
    expect(store.state.dropStatus).toBe("Mijn gemeenten.csv staat nu in tabel mijn_gemeenten.");
    expect(editorTexts).toEqual(["mijn_gemeenten"]);
  });

  it("refuses a file that is neither CSV nor Parquet, and says so", async () => {
    const {store, actions, loaded} = workbench();
    await actions.addFiles([file("notities.docx")]);
    expect(loaded).toEqual([]);
    expect(store.state.dropStatus).toBe("notities.docx: alleen CSV- of Parquetbestanden.");
  });

  it("a file DuckDB cannot read leaves no table behind and gives DuckDB's reason", async () => {
    const {store, actions} = workbench({failFile: true});
    await actions.addFiles([file("kapot.csv")]);
    expect(store.state.ownFiles).toEqual([]);
    expect(store.state.dropStatus).toMatch(/^kapot\.csv kon niet worden ingelezen: .*regel 3/);
  });

  it("takes the reader's own tables along to the remote database and back, closing the remote one", async () => {
    const {store, actions, offline, remote, loaded} = workbench();
    await actions.addFiles([file("eigen.csv")]);
    store.set({consent: "asking"});
    await actions.switchDatabase("remote");
    expect(store.state.database?.access).toBe("remote");
    expect(store.state.consent).toBe("open");
    expect(loaded.map((l) => [l.db === remote.database.db ? "remote" : "offline", l.table])).toEqual([["offline", "eigen"], ["remote", "eigen"]]);
    expect(store.state.tables.map((t) => t.name)).toEqual(["eigen"]);

    await actions.switchDatabase("offline");
    expect(store.state.database).toBe(store.state.offline);
    expect(store.state.consent).toBe("closed");
    expect(remote.log).toEqual(["connection closed", "terminated"]);
    expect(offline.log).toEqual([]);
    expect(store.state.status).toBe("De database is weer afgesloten van internet.");
  });

  it("a remote database that cannot open leaves the offline one in use and explains", async () => {
    const {store, actions} = workbench({failRemote: true});
    store.set({consent: "asking"});
    await actions.switchDatabase("remote");
    expect(store.state.database?.access).toBe("offline");
    expect(store.state.consent).toBe("closed");
    expect(store.state.error).toEqual({title: "De database met toegang tot internet kon niet worden geopend.", detail: "geen netwerk"});
  });
});
