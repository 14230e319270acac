// Editing a notebook: pure functions from one notebook to the next (add, move, remove, change a cell), so that the
// page keeps one current notebook and every edit can be tested without a browser. New cells get an id and a name
// that are free in the notebook; a change that would make the notebook invalid (a taken name, a keyword) is refused
// with the Dutch NotebookError of parseNotebook.
import {parseNotebook, type Cell, type Notebook} from "../notebook.js";

export type CellKind = "sql" | "chart" | "text" | "input";

/** A free id or name: `prefix1`, `prefix2`, ... */
function free(prefix: string, taken: Set<string>): string {
  for (let k = 1; ; k++) if (!taken.has(`${prefix}${k}`)) return `${prefix}${k}`;
}

const ids = (nb: Notebook) => new Set(nb.cells.map((c) => c.id));
const names = (nb: Notebook) => new Set(nb.cells.flatMap((c) => (c.kind === "sql" || c.kind === "input" ? [c.name] : [])));

/** The last SQL cell's name before position `at`, for a new chart to draw. */
function lastSqlName(nb: Notebook, at: number): string | null {
  for (let i = at - 1; i >= 0; i--) {
    const c = nb.cells[i];
    if (c.kind === "sql") return c.name;
  }
  return null;
}

/** A new cell of `kind` that fits at position `at` of `nb`. */
export function newCell(nb: Notebook, kind: CellKind, at = nb.cells.length): Cell {
  const id = free("c", ids(nb));
  switch (kind) {
    case "sql": {
      const previous = lastSqlName(nb, at);
      return {kind: "sql", id, name: free("tabel", names(nb)), sql: previous ? `FROM ${previous}` : "SELECT size_class, count(*) AS n FROM respondents GROUP BY ALL ORDER BY ALL"};
    }
    case "chart":
      return {kind: "chart", id, from: lastSqlName(nb, at) ?? "tabel1", mark: "bar", x: "size_class", y: "n"};
    case "text":
      return {kind: "text", id, markdown: "Schrijf hier je tekst (Markdown)."};
    case "input":
      return {kind: "input", id, name: free("keuze", names(nb)), label: "Keuze", control: "select", options: ["a", "b"], value: "a"};
  }
}

/** `nb` with `cell` inserted at `at` (default: at the end). */
export function insertCell(nb: Notebook, cell: Cell, at = nb.cells.length): Notebook {
  const cells = [...nb.cells];
  cells.splice(Math.max(0, Math.min(at, cells.length)), 0, cell);
  return parseNotebook({...nb, cells});
}

/** `nb` with the cell `id` moved `step` places (clamped to the list). */
export function moveCell(nb: Notebook, id: string, step: number): Notebook {
  const from = nb.cells.findIndex((c) => c.id === id);
  if (from < 0) return nb;
  const to = Math.max(0, Math.min(nb.cells.length - 1, from + step));
  if (to === from) return nb;
  const cells = [...nb.cells];
  const [cell] = cells.splice(from, 1);
  cells.splice(to, 0, cell);
  return {...nb, cells};
}

export function removeCell(nb: Notebook, id: string): Notebook {
  return {...nb, cells: nb.cells.filter((c) => c.id !== id)};
}

/** `nb` with the cell `id` replaced by `cell` (validated as a whole: a taken or reserved name throws NotebookError). */
export function replaceCell(nb: Notebook, id: string, cell: Cell): Notebook {
  return parseNotebook({...nb, cells: nb.cells.map((c) => (c.id === id ? cell : c))});
}

export function retitle(nb: Notebook, title: string): Notebook {
  return parseNotebook({...nb, title});
}

/** An empty notebook to start from: a short text and one SQL cell. */
export function blankNotebook(): Notebook {
  let nb: Notebook = {version: 1, title: "Mijn notebook", cells: []};
  nb = insertCell(nb, newCell(nb, "text"));
  return insertCell(nb, newCell(nb, "sql"));
}
