// What the workbench does with a shown result: write it as CSV (in pieces, with progress) or Parquet (asking first
// when it is very large), and copy it or a link to the clipboard. The actions read and change the workbench's store
// only, so they are tested without a browser.
import {rowCountText} from "./format.js";
import {csvExport, markdownExport, parquetExport, type ExportSource} from "./export-files.js";
import {parquetNeedsConfirmation, download} from "./export-bar.js";
import {queryFailure} from "./errors.js";
import type {Store} from "./store.js";
import type {WorkbenchState} from "./workbench-state.js";

export interface ExportActions {
  csv(): Promise<void>;
  /** `confirmed`: the reader has agreed to a very large Parquet file (else the bar asks first). */
  parquet(confirmed: boolean): Promise<void>;
  markdown(): Promise<void>;
  /** Puts `text` on the clipboard and says `done`; the text is also left in `root.dataset.copied`. */
  copy(text: string, done: string): Promise<void>;
}

export interface ExportOptions {
  /** The workbench's element (its data-copied attribute holds the last copied text). */
  root: HTMLElement;
  /** Saves a file (the browser's download; tests pass their own). */
  save?: (blob: Blob, name: string) => void;
  clipboard?: () => Pick<Clipboard, "writeText">;
}

export function exportActions(store: Store<WorkbenchState>, {root, save = download, clipboard = () => navigator.clipboard}: ExportOptions): ExportActions {
  /** The last result and where it came from, for the export files; null when there is none. */
  function exportSource(): ExportSource | null {
    const {result, resultSql, database: open} = store.state;
    return result && open ? {result, sql: resultSql, connection: open.connection} : null;
  }

  function exportFailed(error: unknown, sql: string) {
    const failure = queryFailure(error, sql);
    store.set({exportView: {kind: "bar"}, status: "", error: {title: "De export lukte niet.", explanation: failure.refusal, detail: failure.detail}});
  }

  async function copy(text: string, done: string) {
    root.dataset.copied = text;
    try {
      await clipboard().writeText(text);
      store.set({status: done});
    } catch {
      store.set({status: "Kopiëren naar het klembord lukte niet in deze browser."});
    }
  }

  return {
    async csv() {
      const source = exportSource();
      if (!source) return;
      const total = source.result.rowCount;
      if (!source.result.complete) store.set({status: `CSV schrijven: ${rowCountText(total)}…`, exportView: {kind: "progress", label: "CSV", rows: 0, total}});
      try {
        const {blob, rows} = await csvExport(source, (rows) => store.set({exportView: {kind: "progress", label: "CSV", rows, total}}));
        store.set({exportView: {kind: "bar"}});
        save(blob, "resultaat.csv");
        store.set({status: `${rowCountText(rows)} als CSV geschreven.`});
      } catch (error) {
        exportFailed(error, source.sql);
      }
    },
    async parquet(confirmed) {
      const source = exportSource();
      if (!source) return;
      if (!confirmed && parquetNeedsConfirmation(source.result.rowCount)) return store.set({exportView: {kind: "confirm-parquet", rowCount: source.result.rowCount}});
      store.set({exportView: {kind: "bar"}, status: source.result.complete ? store.state.status : "Alle rijen ophalen voor de export…"});
      try {
        const {blob, rows} = await parquetExport(source);
        save(blob, "resultaat.parquet");
        store.set({status: `${rowCountText(rows)} als Parquet geschreven.`});
      } catch (error) {
        exportFailed(error, source.sql);
      }
    },
    async markdown() {
      const {result} = store.state;
      if (result) await copy(markdownExport(result), "De tabel staat als Markdown op het klembord (hoogstens 1.000 rijen).");
    },
    copy
  };
}
