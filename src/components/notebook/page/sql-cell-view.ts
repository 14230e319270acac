// A SQL cell: its name (later cells query it by that name), the workbench's CodeMirror editor (Ctrl/Cmd+Enter runs
// the cell), and its result with the workbench's result table, pager and CSV/Parquet export.
import {html} from "htl";
import {createSqlEditor, type CompletionSchema, type SqlEditor} from "../../sql/editor.js";
import {pageWindow, pager, resultTable} from "../../sql/result-table.js";
import {csvExport, parquetExport} from "../../sql/export-files.js";
import {download} from "../../sql/export-bar.js";
import type {QueryResult, StreamingConnection} from "../../sql/run.js";
import type {SqlCell} from "../notebook.js";
import type {CellState} from "../runner.js";
import type {CellResult} from "./table-executor.js";

export interface SqlCellView {
  element: HTMLElement;
  editor: SqlEditor;
  show(state: CellState<CellResult>): void;
  setSchema(schema: CompletionSchema): void;
}

export interface SqlCellActions {
  /** The reader ran the cell with this SQL. */
  run(sql: string): void;
  /** The reader gave the result another name; returns the Dutch reason when it is refused. */
  rename(name: string): string | null;
  /** The connection that reads every row again when only the first rows are in the page. */
  connection(): Promise<StreamingConnection>;
}

const PAGE_SIZE = 20;

/** A named result as the workbench's exports expect it: complete, or the first rows of a result read again in full. */
function queryResult({table, rowCount}: CellResult): QueryResult {
  return {table, rowCount, complete: rowCount === table.numRows, elapsedMs: 0, firstRowsMs: 0};
}

export function sqlCellView(cell: SqlCell, actions: SqlCellActions): SqlCellView {
  const nameId = `nb-name-${cell.id}`;
  const nameInput = html`<input id=${nameId} class="notebook-name" value=${cell.name} size="16" autocomplete="off" spellcheck="false">` as HTMLInputElement;
  const nameError = html`<span class="notebook-error" role="alert"></span>`;
  nameInput.addEventListener("change", () => {
    const name = nameInput.value.trim();
    const problem = actions.rename(name);
    nameError.textContent = problem ?? "";
    nameInput.setAttribute("aria-invalid", String(problem !== null));
    if (problem === null) label(name);
  });
  const editorHost = html`<div class="sql-editor"></div>`;
  const fromName = html`<code></code>`;
  const tableHost = html`<div class="sql-table" role="region" tabindex="0"></div>`;
  const pagerHost = html`<div class="sql-pager" hidden></div>`;
  let current: CellResult | null = null;
  let page = 0;
  const exports = html`<div class="sql-exports" hidden>
    <button type="button" onclick=${() => void save("csv")}>Download CSV</button>
    <button type="button" onclick=${() => void save("parquet")}>Download Parquet</button>
  </div>`;
  const element = html`<div class="notebook-sql">
    <p class="notebook-field"><label for=${nameId}>Naam van het resultaat</label> ${nameInput} ${nameError}</p>
    ${editorHost}
    <p class="sql-hint">Ctrl+Enter (Cmd+Enter op een Mac) voert de cel uit. Een latere cel leest het resultaat met ${fromName}.</p>
    ${tableHost}${pagerHost}${exports}
  </div>`;
  const editor = createSqlEditor({parent: editorHost, doc: cell.sql, label: `SQL van cel ${cell.name}`, onRun: () => actions.run(editor.text())});

  /** Everything that names the result: the result region, the hint how a later cell reads it, and the editor. */
  function label(name: string) {
    tableHost.setAttribute("aria-label", `Resultaat van ${name}`);
    fromName.textContent = `FROM ${name}`;
    editor.setLabel(`SQL van cel ${name}`);
  }
  label(cell.name);

  function draw() {
    if (!current) {
      tableHost.replaceChildren();
      pagerHost.hidden = true;
      (exports as HTMLElement).hidden = true;
      return;
    }
    const {table, rowCount} = current;
    const window = pageWindow(table.numRows, PAGE_SIZE, page);
    tableHost.replaceChildren(resultTable(table, window, rowCount));
    const pagerElement = table.numCols ? pager(window, (step) => {
      page += step;
      draw();
      (pagerHost.querySelector(step < 0 ? "button" : "button:last-of-type") as HTMLButtonElement | null)?.focus();
    }) : null;
    pagerHost.hidden = !pagerElement;
    pagerHost.replaceChildren(...(pagerElement ? [pagerElement] : []));
    (exports as HTMLElement).hidden = !table.numCols;
  }

  async function save(kind: "csv" | "parquet") {
    if (!current) return;
    const result = queryResult(current);
    // the whole result is read again only when the page holds its first rows
    const source = {result, sql: `FROM ${current.name}`, connection: result.complete ? ({} as StreamingConnection) : await actions.connection()};
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
