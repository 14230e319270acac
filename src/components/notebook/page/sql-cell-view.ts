// A SQL cell: its name (later cells query it by that name), the workbench's CodeMirror editor (Ctrl/Cmd+Enter runs
// the cell), and its result with the workbench's result table, pager and CSV/Parquet export.
import type {Table} from "apache-arrow";
import {html} from "htl";
import {createSqlEditor, type CompletionSchema, type SqlEditor} from "../../sql/editor.js";
import {pageWindow, pager, resultTable} from "../../sql/result-table.js";
import {csvExport, parquetExport} from "../../sql/export-files.js";
import {download} from "../../sql/export-bar.js";
import type {QueryResult, StreamingConnection} from "../../sql/run.js";
import type {SqlCell} from "../notebook.js";
import type {CellState} from "../runner.js";

export interface SqlCellView {
  element: HTMLElement;
  editor: SqlEditor;
  show(state: CellState<Table>): void;
  setSchema(schema: CompletionSchema): void;
}

export interface SqlCellActions {
  /** The reader ran the cell with this SQL. */
  run(sql: string): void;
  /** The reader gave the result another name; returns the Dutch reason when it is refused. */
  rename(name: string): string | null;
}

const PAGE_SIZE = 20;

/** A complete result as the workbench's exports expect it (no rows to fetch again, so no connection is needed). */
function wholeResult(table: Table): QueryResult {
  return {table, rowCount: table.numRows, complete: true, elapsedMs: 0, firstRowsMs: 0};
}

const noConnection = {} as StreamingConnection;

export function sqlCellView(cell: SqlCell, actions: SqlCellActions): SqlCellView {
  const nameId = `nb-name-${cell.id}`;
  const nameInput = html`<input id=${nameId} class="notebook-name" value=${cell.name} size="16" autocomplete="off" spellcheck="false">` as HTMLInputElement;
  const nameError = html`<span class="notebook-error" role="alert"></span>`;
  nameInput.addEventListener("change", () => {
    const problem = actions.rename(nameInput.value.trim());
    nameError.textContent = problem ?? "";
    nameInput.setAttribute("aria-invalid", String(problem !== null));
  });
  const editorHost = html`<div class="sql-editor"></div>`;
  const tableHost = html`<div class="sql-table" role="region" aria-label=${`Resultaat van ${cell.name}`} tabindex="0"></div>`;
  const pagerHost = html`<div class="sql-pager" hidden></div>`;
  let current: Table | null = null;
  let page = 0;
  const exports = html`<div class="sql-exports" hidden>
    <button type="button" onclick=${() => void save("csv")}>Download CSV</button>
    <button type="button" onclick=${() => void save("parquet")}>Download Parquet</button>
  </div>`;
  const element = html`<div class="notebook-sql">
    <p class="notebook-field"><label for=${nameId}>Naam van het resultaat</label> ${nameInput} ${nameError}</p>
    ${editorHost}
    <p class="sql-hint">Ctrl+Enter (Cmd+Enter op een Mac) voert de cel uit. Een latere cel leest het resultaat met <code>FROM ${cell.name}</code>.</p>
    ${tableHost}${pagerHost}${exports}
  </div>`;
  const editor = createSqlEditor({parent: editorHost, doc: cell.sql, label: `SQL van cel ${cell.name}`, onRun: () => actions.run(editor.text())});

  function draw() {
    if (!current) {
      tableHost.replaceChildren();
      pagerHost.hidden = true;
      (exports as HTMLElement).hidden = true;
      return;
    }
    const window = pageWindow(current.numRows, PAGE_SIZE, page);
    tableHost.replaceChildren(resultTable(current, window, current.numRows));
    const pagerElement = current.numCols ? pager(window, (step) => {
      page += step;
      draw();
      (pagerHost.querySelector(step < 0 ? "button" : "button:last-of-type") as HTMLButtonElement | null)?.focus();
    }) : null;
    pagerHost.hidden = !pagerElement;
    pagerHost.replaceChildren(...(pagerElement ? [pagerElement] : []));
    (exports as HTMLElement).hidden = !current.numCols;
  }

  async function save(kind: "csv" | "parquet") {
    if (!current) return;
    const source = {result: wholeResult(current), sql: "", connection: noConnection};
    const name = nameInput.value.trim() || "resultaat";
    if (kind === "csv") download((await csvExport(source)).blob, `${name}.csv`);
    else download((await parquetExport(source)).blob, `${name}.parquet`);
  }

  return {
    element,
    editor,
    show(state) {
      if (state.status === "done") {
        current = state.result ?? null;
        page = 0;
        draw();
      } else if (state.status === "error" || state.status === "blocked") {
        // an old result under an error would look like the answer to the failing SQL
        current = null;
        draw();
      }
    },
    setSchema: (schema) => editor.setSchema(schema)
  };
}
