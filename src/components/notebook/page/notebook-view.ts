// The notebook page's view: one current notebook, a view per cell, the reactive runner, and the menu. Every edit
// makes a new notebook (./edit.ts), writes it into the page's address (#nb=, so that a reload or a copied link
// reopens it) and runs exactly the changed cell and its dependants. Nothing is saved in the browser unless the
// reader asks: opening a link or a file never overwrites a saved notebook.
import {html} from "htl";
import {resultColumns} from "../../sql/columns.js";
import {queryHistory} from "../../sql/history.js";
import {download} from "../../sql/export-bar.js";
import {dependencyGraph} from "../dependencies.js";
import {exportFramework} from "../export-framework.js";
import {exportSql} from "../export-sql.js";
import {NotebookError, type Cell, type Notebook, type SqlCell} from "../notebook.js";
import {notebookFile, readNotebookFile} from "../notebook-file.js";
import {NotebookRunner, type RunReport} from "../runner.js";
import {SavedNotebooks, type KeyValueStorage} from "../saved-notebooks.js";
import {notebookLink, ShareError} from "../share.js";
import {cellView, type CellView} from "./cell-views.js";
import type {DatabaseLoader} from "./database-loader.js";
import {blankNotebook, insertCell, moveCell, newCell, removeCell, replaceCell, retitle} from "./edit.js";
import type {ExampleNotebook} from "./example-notebooks.js";
import {notebookMenu} from "./notebook-menu.js";
import {sidePanel, type NotebookDatabase} from "./side-panel.js";
import {tableExecutor, type CellResult, type TableConnection} from "./table-executor.js";
import type {StreamingConnection} from "../../sql/run.js";
import type {CompletionSchema} from "../../sql/editor.js";

export interface NotebookViewOptions {
  initial: Notebook;
  /** Shown above the notebook, e.g. why a link could not be opened. */
  notice?: string;
  loader: DatabaseLoader<NotebookDatabase>;
  examples: ExampleNotebook[];
  storage: KeyValueStorage | null;
  /** N per size class, for the survey functions in an exported .sql script. */
  population: Record<string, number>;
}

const problemText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function notebookView({initial, notice, loader, examples, storage, population}: NotebookViewOptions): HTMLElement {
  let notebook = initial;
  /** The saved notebook being edited, so that "Bewaren" saves over it; undefined for a link, file or example. */
  let savedId: string | undefined;
  const saved = storage ? new SavedNotebooks(storage) : null;
  const views = new Map<string, CellView>();
  const list = html`<div class="notebook-cells"></div>`;
  const status = html`<p class="notebook-status" role="status" aria-live="polite"></p>`;
  const alert = html`<p class="notebook-error notebook-alert" role="alert"></p>`;
  if (notice) alert.textContent = notice;

  const runner = new NotebookRunner<CellResult>(tableExecutor(async () => (await loader.load()).connection), {onState: (id, state) => views.get(id)?.show(state)});
  const root = html`<div class="notebook" data-runs="0"></div>` as HTMLElement;

  const say = (text: string) => (status.textContent = text);
  let schema: CompletionSchema = {};
  const side = sidePanel(
    loader.load,
    (next) => {
      schema = next;
      for (const view of views.values()) view.sql?.setSchema(schema);
    },
    (sql) => addCell({...(newCell(notebook, "sql") as SqlCell), sql}, "Query uit de geschiedenis toegevoegd")
  );
  // The queries the reader ran, shared with the workbench; a notebook that runs itself on opening adds none.
  const queries = queryHistory(storage);
  const rememberQuery = (cell: Cell) => cell.kind === "sql" && side.showHistory(queries.add(cell.sql));
  let schemaRead = false;
  const announce = (report: RunReport) => {
    if (report.superseded) return;
    root.dataset.lastRan = report.ran.join(" ");
    root.dataset.runs = String(Number(root.dataset.runs) + 1);
    const failed = report.ran.filter((id) => ["error", "blocked"].includes(runner.states.get(id)?.status ?? ""));
    say(`${report.ran.length} ${report.ran.length === 1 ? "cel" : "cellen"} uitgevoerd${failed.length ? `, ${failed.length} met een fout` : ""}.`);
    for (const view of views.values()) view.sourcesChanged();
    // once the database is there, the editors complete the survey's tables and columns
    if (!schemaRead && loader.started()) {
      schemaRead = true;
      void side.refresh().catch(() => (schemaRead = false));
    }
  };
  const run = (changed?: string[]) => {
    if (!loader.started() && notebook.cells.some((c) => c.kind === "sql")) say("De database wordt geladen…");
    return runner.run(notebook, changed).then(announce, (error) => say(`Uitvoeren lukte niet: ${problemText(error)}`));
  };

  /** The notebook with what is typed but not yet run, as it is shared, saved or exported. */
  const withPending = () => ({...notebook, cells: notebook.cells.map((c) => views.get(c.id)?.pending(c) ?? c)});

  /** Writes the notebook into the address; a notebook too long for a link gets a note instead. */
  function remember() {
    try {
      const link = notebookLink(withPending(), {page: location.pathname});
      history.replaceState(null, "", link);
      return link;
    } catch (error) {
      if (!(error instanceof ShareError)) throw error;
      history.replaceState(null, "", location.pathname);
      say(error.message);
      return null;
    }
  }

  const sources = () => {
    const map = new Map<string, string[]>();
    for (const c of notebook.cells) {
      if (c.kind !== "sql") continue;
      const state = runner.states.get(c.id);
      map.set(c.name, state?.status === "done" && state.result ? resultColumns(state.result.table.schema).map((col) => col.name) : []);
    }
    return map;
  };

  function viewOf(cell: Cell): CellView {
    let view = views.get(cell.id);
    if (view) return view;
    view = cellView(
      cell,
      {
        run: () => {
          const current = notebook.cells.find((c) => c.id === cell.id);
          if (current) rememberQuery(views.get(cell.id)?.pending(current) ?? current);
          void run([cell.id]);
        },
        move: (step) => {
          notebook = moveCell(notebook, cell.id, step);
          draw();
          remember();
          const button = views.get(cell.id)!.frame.element.querySelectorAll("button")[step < 0 ? 1 : 2] as HTMLButtonElement;
          (button.disabled ? views.get(cell.id)!.frame.element.querySelector("button") : button)?.focus();
          say(`Cel verplaatst naar plaats ${notebook.cells.findIndex((c) => c.id === cell.id) + 1}.`);
        },
        remove: () => {
          const dependants = dependencyGraph(notebook).dependants(new Set([cell.id]));
          notebook = removeCell(notebook, cell.id);
          views.get(cell.id)?.frame.element.remove();
          views.delete(cell.id);
          draw();
          remember();
          say("Cel verwijderd.");
          void run([...dependants]);
        },
        change: (next) => {
          try {
            notebook = replaceCell(notebook, cell.id, next);
          } catch (error) {
            return error instanceof NotebookError ? error.message : problemText(error);
          }
          draw();
          remember();
          rememberQuery(next);
          void run([cell.id]);
          return null;
        },
        sources,
        // the page's connection is DuckDB-WASM's AsyncDuckDBConnection, which also streams (send)
        connection: async () => (await loader.load()).connection as TableConnection & StreamingConnection
      },
      () => Math.max(300, Math.min(900, list.clientWidth || 640))
    );
    views.set(cell.id, view);
    view.sql?.setSchema(schema);
    return view;
  }

  /** Puts the cells' views in the notebook's order and updates their headings. */
  function draw() {
    notebook.cells.forEach((cell, i) => {
      const view = viewOf(cell);
      view.frame.label(cell, i, notebook.cells.length);
      if (list.children[i] !== view.frame.element) list.insertBefore(view.frame.element, list.children[i] ?? null);
    });
    while (list.children.length > notebook.cells.length) list.lastElementChild!.remove();
  }

  /** Adds `cell` at the end, puts the keyboard in it and runs it. */
  function addCell(cell: Cell, message: string) {
    notebook = insertCell(notebook, cell);
    draw();
    remember();
    views.get(cell.id)!.frame.element.querySelector<HTMLElement>("button, input, select, textarea")?.focus();
    say(`${message} op plaats ${notebook.cells.length}.`);
    void run([cell.id]);
  }

  /** Replaces the whole notebook (an example, a file, a saved one) and runs it. */
  function open(next: Notebook, message: string, id?: string) {
    notebook = next;
    savedId = id;
    views.clear();
    list.replaceChildren();
    menu.setTitle(next.title);
    alert.textContent = "";
    draw();
    remember();
    say(message);
    void run();
  }

  const menu = notebookMenu(
    {
      retitle: (title) => {
        try {
          notebook = retitle(notebook, title);
          remember();
        } catch (error) {
          alert.textContent = problemText(error);
        }
      },
      add: (kind) => addCell(newCell(notebook, kind), "Nieuwe cel toegevoegd"),
      runAll: () => void run(),
      share: () => {
        const link = remember();
        if (!link) return;
        const href = new URL(link, location.href).href;
        root.dataset.link = href;
        navigator.clipboard?.writeText(href).then(() => say("De link naar dit notebook staat op het klembord."), () => say("Kopieer de link uit de adresbalk: het klembord is hier niet bereikbaar."));
      },
      saveInBrowser: () => {
        if (!saved) return say("Deze browser kan niets bewaren (localStorage staat uit).");
        try {
          savedId = saved.save(withPending(), savedId);
          menu.setSaved(saved.list());
          say(`Bewaard in deze browser als “${notebook.title}”.`);
        } catch (error) {
          say(`Bewaren lukte niet (is de opslag van de browser vol?): ${problemText(error)}`);
        }
      },
      saveFile: () => {
        const file = notebookFile(withPending());
        download(new Blob([file.text], {type: file.type}), file.name);
        say(`Opgeslagen als ${file.name}.`);
      },
      openFile: (file) => {
        file.text().then(
          (text) => open(readNotebookFile(text), `${file.name} geopend.`),
          (error) => (alert.textContent = `${file.name} kon niet worden gelezen: ${problemText(error)}`)
        ).catch((error) => (alert.textContent = `${file.name} is geen notebook: ${problemText(error)}`));
      },
      openSaved: (id) => {
        try {
          const found = saved?.open(id);
          if (found) open(found, `“${found.title}” geopend.`, id);
        } catch (error) {
          alert.textContent = `Dit bewaarde notebook kan niet worden geopend: ${problemText(error)}`;
        }
      },
      removeSaved: (id) => {
        const entry = saved?.list().find((e) => e.id === id);
        if (!saved || !entry || !confirm(`“${entry.title}” verwijderen uit deze browser? Dit kan niet ongedaan worden gemaakt.`)) return;
        saved.remove(id);
        // the notebook on the page stays; saving it again makes a new entry
        if (savedId === id) savedId = undefined;
        menu.setSaved(saved.list());
        say(`“${entry.title}” is verwijderd uit deze browser.`);
      },
      openExample: (id) => {
        const example = examples.find((e) => e.id === id);
        if (example) open(example.notebook, `Voorbeeld “${example.title}” geopend.`);
      },
      blank: () => open(blankNotebook(), "Nieuw notebook."),
      exportFramework: () => {
        const nb = withPending();
        download(new Blob([exportFramework(nb)], {type: "text/markdown"}), notebookFile(nb).name.replace(/\.kvnb\.json$/, ".md"));
      },
      exportSql: () => {
        const nb = withPending();
        download(new Blob([exportSql(nb, {population})], {type: "application/sql"}), notebookFile(nb).name.replace(/\.kvnb\.json$/, ".sql"));
      }
    },
    examples
  );
  menu.setTitle(notebook.title);
  menu.setSaved(saved?.list() ?? []);
  side.showHistory(queries.list());
  root.append(menu.element, side.element, alert, loader.element, status, list, menu.adder);
  draw();
  void run();
  return root;
}
