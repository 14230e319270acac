// The SQL workbench on /sql: wires the parts (editor, runner, result table and pager, export bar, chart panel,
// schema panel, drop zone, history, network consent) to one store. The parts build their DOM with htl and hold no
// state; every change goes through `store.set`, and one listener per part redraws what changed.
import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
import {html} from "htl";
import {createSqlEditor} from "./editor.js";
import {defaultExample, type ExampleQuery} from "./examples.js";
import {examplesMenu, exampleText} from "./examples-menu.js";
import {resultColumns, tableObjects, tableRows} from "./columns.js";
import {elapsedText, rowCountText} from "./format.js";
import {exportBar, exportProgress, parquetConfirmation} from "./export-bar.js";
import {exportActions} from "./workbench-exports.js";
import {inferChart} from "./chart.js";
import {chartPanel} from "./chart-panel.js";
import {queryHistory, type HistoryStorage} from "./history.js";
import {historyItems} from "./history-panel.js";
import {sharedQuery, withSharedQuery} from "./link.js";
import {queryFailure} from "./errors.js";
import {QueryCancelled, runQuery} from "./run.js";
import {pageWindow, pager, partialResultText, resultTable} from "./result-table.js";
import {completionSchema} from "./schema.js";
import {schemaPanel} from "./schema-panel.js";
import {dropZone} from "./drop-zone.js";
import {networkPanel, nextConsentStep} from "./network-panel.js";
import {createStore} from "./store.js";
import {initialWorkbenchState, type WorkbenchDatabase, type WorkbenchState, type WorkbenchValue} from "./workbench-state.js";
import {databaseActions} from "./workbench-database.js";
import {queryNotebookLink} from "./notebook-link.js";

export type {WorkbenchDatabase, WorkbenchState, WorkbenchValue} from "./workbench-state.js";

export interface WorkbenchOptions {
  /** The page's database, with no access outside itself. */
  database: Promise<WorkbenchDatabase>;
  /** Opens a second database that may read files from the internet; called only after the reader consented. */
  openRemoteDatabase?: () => Promise<WorkbenchDatabase>;
  loadParquetTable(db: AsyncDuckDB, table: string, bytes: Uint8Array): Promise<void>;
  /** The example queries of the survey (exampleQueries(meta)); the first shown is Table 1. */
  examples: readonly ExampleQuery[];
  /** Default: window.localStorage when available. */
  storage?: HistoryStorage | null;
  /** Rows kept in memory for the table, chart and Markdown (default 10 000); the rest is counted. */
  keepRows?: number;
  /** Rows per page of the result table (default 50). */
  pageSize?: number;
}

function localStorageOrNull(): HistoryStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** DuckDB statements after which the schema panel should be read again. */
const changesSchema = /\b(create|drop|alter|insert|attach|detach)\b/i;

export function sqlWorkbench({database, openRemoteDatabase, loadParquetTable, examples, storage = localStorageOrNull(), keepRows = 10_000, pageSize = 50}: WorkbenchOptions): HTMLElement & {value: WorkbenchValue | null} {
  const history = queryHistory(storage);
  const store = createStore<WorkbenchState>(initialWorkbenchState(history.list()));

  // --- the page's hosts; the parts are drawn into them ---
  const status = html`<p class="sql-status" role="status" aria-live="polite"></p>`;
  const errorBox = html`<div class="sql-error" role="alert" hidden></div>`;
  const editorHost = html`<div class="sql-editor"></div>`;
  const runButton = html`<button type="button" class="sql-run" onclick=${() => void execute(editor.text())}>Uitvoeren</button>`;
  const runSelectionButton = html`<button type="button" onclick=${() => {
    const {sql, offset} = editor.runnable();
    void execute(sql, offset);
  }}>Selectie uitvoeren</button>`;
  const cancelButton = html`<button type="button" disabled onclick=${cancel}>Afbreken</button>`;
  const shareButton = html`<button type="button" onclick=${share}>Link kopiëren</button>`;
  // The same query as the first cell of a notebook, where later cells can build on it (relative: the site may live in a sub-folder).
  const notebookButton = html`<button type="button" onclick=${() => location.assign(queryNotebookLink(editor.text()))}>Open als notebook</button>`;
  const networkHost = html`<div class="sql-network-host"></div>`;
  const resultInfo = html`<p class="sql-result-info"></p>`;
  const tableHost = html`<div class="sql-table" role="region" aria-label="Resultaat van de query" tabindex="0"></div>`;
  const pagerHost = html`<div class="sql-pager" hidden></div>`;
  const exportHost = html`<div class="sql-exports" hidden></div>`;
  const chartHost = html`<div class="sql-chart" hidden></div>`;
  const schemaHost = html`<div class="sql-schema"></div>`;
  const dropStatus = html`<p class="sql-drop-status" role="status" aria-live="polite"></p>`;
  const historyList = html`<ol class="sql-history"></ol>`;

  const root = html`<div class="sql-workbench">
    <div class="sql-main">
      <div class="sql-examples"><label for="sql-example">Voorbeeldquery’s per tabel en figuur uit het rapport: </label>${examplesMenu(examples, (example) => {
        editor.setText(exampleText(example));
        void execute(editor.text());
      })}</div>
      ${editorHost}
      <p class="sql-hint">Ctrl+Enter (Mac: Cmd+Enter) voert de query uit, of alleen de selectie als er tekst geselecteerd is. Tab gaat naar de volgende knop; inspringen met Ctrl+] en Ctrl+[. Ctrl+Spatie toont de namen van tabellen en kolommen.</p>
      <div class="sql-actions">${runButton}${runSelectionButton}${cancelButton}${shareButton}${notebookButton}</div>
      ${status}${errorBox}
      <section class="sql-results" aria-label="Resultaat">${resultInfo}${tableHost}${pagerHost}${exportHost}${chartHost}</section>
      ${networkHost}
    </div>
    <aside class="sql-side">
      <h2>Tabellen</h2>${schemaHost}
      <h2>Eigen bestand</h2>${dropZone((files) => void addFiles(files))}${dropStatus}
      <details class="sql-history-box"><summary>Laatste queries (in deze browser)</summary>${historyList}</details>
    </aside>
  </div>` as HTMLElement & {value: WorkbenchValue | null};
  root.value = null;
  const exports = exportActions(store, {root});
  const {refreshSchema, addFiles, switchDatabase} = databaseActions(store, {
    openRemoteDatabase,
    loadParquetTable,
    ready: () => ready,
    onFileLoaded: (table) => editor.setText(`SELECT * FROM "${table}" LIMIT 100`)
  });

  const initialSql = sharedQuery(location.search) ?? exampleText(defaultExample(examples));
  const editor = createSqlEditor({parent: editorHost, doc: initialSql, onRun: (text, offset) => void execute(text, offset)});

  // --- drawing: one listener per part, each redrawing only when its part of the state changed ---
  store.subscribe((state, changed) => {
    if (changed.has("status")) status.textContent = state.status;
    if (changed.has("error")) {
      errorBox.hidden = state.error === null;
      const error = state.error;
      errorBox.replaceChildren(
        ...(error === null
          ? []
          : [html`<strong>${error.title}</strong>`, error.explanation ? html`<p class="sql-error-explanation">${error.explanation}</p>` : " ", html`<code>${error.detail}</code>`])
      );
    }
    if (changed.has("running")) {
      const on = state.running !== null;
      runButton.disabled = runSelectionButton.disabled = on;
      cancelButton.disabled = !on;
      root.setAttribute("aria-busy", String(on));
    }
    if (changed.has("result") || changed.has("page")) drawResult(state);
    if (changed.has("result") || changed.has("exportView")) drawExports(state);
    if (changed.has("result") || changed.has("chart") || changed.has("chartOpen")) drawChart(state);
    if (changed.has("tables")) {
      schemaHost.replaceChildren(schemaPanel(state.tables));
      editor.setSchema(completionSchema(state.tables));
    }
    if (changed.has("history")) historyList.replaceChildren(...historyItems(state.history, pickFromHistory));
    if (changed.has("consent")) {
      // Keep the keyboard where it was: in the panel when the reader was using it, never taken from the editor.
      const focused = networkHost.contains(document.activeElement);
      networkHost.replaceChildren(networkPanel(state.consent, consentActions));
      if (focused) (["button.sql-network-allow", "button", ".sql-network"].map((selector) => networkHost.querySelector(selector)).find(Boolean) as HTMLElement | undefined)?.focus();
    }
    if (changed.has("dropStatus")) dropStatus.textContent = state.dropStatus;
  });

  function drawResult({result, page}: WorkbenchState) {
    if (!result) {
      resultInfo.textContent = "";
      tableHost.replaceChildren();
      pagerHost.hidden = true;
      return;
    }
    const window = pageWindow(result.table.numRows, pageSize, page);
    resultInfo.textContent = partialResultText(result.rowCount, result.table.numRows);
    tableHost.replaceChildren(resultTable(result.table, window, result.rowCount));
    const pagerElement = result.table.numCols ? pager(window, turn) : null;
    pagerHost.hidden = !pagerElement;
    pagerHost.replaceChildren(...(pagerElement ? [pagerElement] : []));
  }

  function drawExports({result, exportView}: WorkbenchState) {
    exportHost.hidden = !result || !result.table.numCols;
    if (exportHost.hidden) return;
    if (exportView.kind === "confirm-parquet") {
      exportHost.replaceChildren(parquetConfirmation(exportView.rowCount, {confirm: () => void exports.parquet(true), cancel: () => store.set({exportView: {kind: "bar"}})}));
      exportHost.querySelector("button")?.focus();
    } else if (exportView.kind === "progress") {
      exportHost.replaceChildren(exportProgress(exportView.label, exportView.rows, exportView.total));
    } else {
      exportHost.replaceChildren(exportBar({csv: () => void exports.csv(), parquet: () => void exports.parquet(false), markdown: () => void exports.markdown(), chart: openChart}));
    }
  }

  function drawChart({result, chart, chartOpen}: WorkbenchState, focusId?: string) {
    chartHost.hidden = !result || !chartOpen;
    if (!result || !chartOpen) return chartHost.replaceChildren();
    const width = Math.max(320, Math.min(900, chartHost.clientWidth || 640));
    const input = {spec: chart, columns: resultColumns(result.table.schema), rows: tableObjects(result.table), complete: result.complete, width};
    chartHost.replaceChildren(chartPanel(input, (spec, id) => {
      store.set({chart: spec});
      (chartHost.querySelector(`#${id}`) as HTMLElement | null)?.focus();
    }));
    if (focusId) (chartHost.querySelector(`#${focusId}`) as HTMLElement | null)?.focus();
  }

  // --- running a query ---
  async function execute(text: string, offset = 0, {share = true} = {}) {
    if (store.state.running) return;
    editor.markError(null);
    const sql = text.trim();
    if (!sql) return;
    store.set({error: null});
    if (!store.state.database) {
      store.set({status: "Even wachten: de database wordt nog geladen…"});
      await ready;
    }
    const open = store.state.database;
    if (!open) return;
    store.set({history: history.add(sql)});
    if (share && offset === 0 && text === editor.text()) window.history.replaceState(null, "", withSharedQuery(location.href, sql));
    const running = runQuery(open.connection, text, {keepRows});
    store.set({running, status: "Bezig…"});
    try {
      const result = await running.result;
      store.set({result, resultSql: sql, page: 0, chart: null, chartOpen: false, exportView: {kind: "bar"}, status: `${rowCountText(result.rowCount)} in ${elapsedText(result.elapsedMs)}`});
      publish({sql, columns: resultColumns(result.table.schema), rows: tableRows(result.table), rowCount: result.rowCount, elapsedMs: result.elapsedMs, error: null, access: open.access});
      if (store.state.tables.length && changesSchema.test(sql)) void refreshSchema();
    } catch (error) {
      if (error instanceof QueryCancelled) {
        store.set({status: "De query is afgebroken."});
        publish({sql, columns: [], rows: [], rowCount: 0, elapsedMs: 0, error: "afgebroken", access: open.access});
      } else {
        const failure = queryFailure(error, text);
        // After an error the previous result would look like the answer to the failed query: remove it.
        const title = failure.refusal ? "De database weigerde de query." : "De query gaf een fout.";
        store.set({error: {title, explanation: failure.refusal, detail: failure.detail}, result: null, chartOpen: false, status: failure.refusal ? "Geweigerd: de query wilde buiten de database." : "Fout in de query."});
        if (failure.offset !== undefined) editor.markError({from: offset + failure.offset, message: failure.message});
        publish({sql, columns: [], rows: [], rowCount: 0, elapsedMs: 0, error: failure.message, access: open.access});
      }
    } finally {
      store.set({running: null});
    }
  }

  /** Sets the element's value, counts finished runs in data-runs (tests wait for it), and tells listeners. */
  function publish(value: WorkbenchValue) {
    root.value = value;
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function cancel() {
    store.set({status: "Afbreken…"});
    void store.state.running?.cancel();
  }

  function turn(step: -1 | 1) {
    store.set({page: store.state.page + step});
    (pagerHost.querySelector(step < 0 ? "button" : "button:last-of-type") as HTMLButtonElement | null)?.focus();
  }

  function share() {
    const href = withSharedQuery(location.href, editor.text());
    window.history.replaceState(null, "", href);
    void exports.copy(href, "De link naar deze query staat op het klembord.");
  }

  function pickFromHistory(sql: string) {
    editor.setText(sql);
    editor.focus();
  }

  function openChart() {
    const {result} = store.state;
    if (!result) return;
    store.set({chart: inferChart(resultColumns(result.table.schema)), chartOpen: true});
    (chartHost.querySelector("select") as HTMLElement | null)?.focus();
  }

  // --- consent to files from the internet: a second database, opened only when the reader asks ---
  const consentActions = {
    ask: () => store.set({consent: nextConsentStep(store.state.consent, "ask")}),
    cancel: () => store.set({consent: nextConsentStep(store.state.consent, "cancel")}),
    allow: () => void switchDatabase("remote"),
    close: () => void switchDatabase("offline")
  };

  // --- start: connect, read the schema, run the shared query or the default example ---
  // A query from a link runs at once: the database refuses any file or URL until the reader consents, and
  // consent lasts one page visit, so a link can never reach the network.
  const ready = (async () => {
    try {
      const opened = await database;
      const open = {...opened, connection: await opened.db.connect()};
      store.set({database: open, offline: open, consent: opened.access === "remote" ? "open" : "closed"});
      await refreshSchema();
      store.set({status: "Database geladen."});
      await execute(editor.text(), 0, {share: false});
    } catch (error) {
      store.set({status: "", error: {title: "De database kon niet worden geladen.", detail: error instanceof Error ? error.message : String(error)}});
    }
  })();

  // First drawing of the parts that show something before the database is there.
  status.textContent = store.state.status;
  historyList.replaceChildren(...historyItems(store.state.history, pickFromHistory));
  networkHost.replaceChildren(networkPanel(store.state.consent, consentActions));
  schemaHost.replaceChildren(schemaPanel([]));
  return root;
}
