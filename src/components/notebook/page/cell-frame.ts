// The frame around every cell: a heading that names the cell (position, kind, name), the buttons to run, move and
// delete it (each with a label that names the cell, all reachable by Tab), the cell's status as a polite live region
// (running, rows, the error), and the cell's own content. Alt+ArrowUp / Alt+ArrowDown move the focused cell.
import {html} from "htl";
import type {Cell} from "../notebook.js";

export const KIND_LABELS: Record<Cell["kind"], string> = {sql: "SQL", chart: "Grafiek", text: "Tekst", input: "Invoer"};

export interface FrameActions {
  run(): void;
  move(step: -1 | 1): void;
  remove(): void;
}

export interface CellFrame {
  element: HTMLElement;
  /** Sets the heading from the cell's current position and name. */
  label(cell: Cell, index: number, count: number): void;
  /** The status line; `error` marks it as an error (and the frame with it). */
  status(text: string, error?: boolean): void;
  body: HTMLElement;
}

/** "Cel 2 · SQL · tabel1". */
export function cellHeading(cell: Cell, index: number): string {
  const handle = cell.kind === "sql" || cell.kind === "input" ? ` · ${cell.name}` : cell.kind === "chart" ? ` · van ${cell.from}` : "";
  return `Cel ${index + 1} · ${KIND_LABELS[cell.kind]}${handle}`;
}

export function cellFrame(cell: Cell, actions: FrameActions): CellFrame {
  const heading = html`<h2 class="notebook-cell-heading"></h2>`;
  const run = html`<button type="button" class="notebook-run" onclick=${actions.run}>Uitvoeren</button>`;
  const up = html`<button type="button" onclick=${() => actions.move(-1)}>Omhoog</button>`;
  const down = html`<button type="button" onclick=${() => actions.move(1)}>Omlaag</button>`;
  const remove = html`<button type="button" class="notebook-remove" onclick=${actions.remove}>Verwijderen</button>`;
  const statusLine = html`<p class="notebook-cell-status" role="status" aria-live="polite"></p>`;
  const body = html`<div class="notebook-cell-body"></div>`;
  const element = html`<section class="notebook-cell" data-cell-id=${cell.id} data-kind=${cell.kind} data-runs="0">
    <div class="notebook-cell-bar">${heading}<span class="notebook-cell-buttons">${run}${up}${down}${remove}</span></div>
    ${body}${statusLine}
  </section>`;
  element.addEventListener("keydown", (event: KeyboardEvent) => {
    // inside the SQL editor Alt+arrow moves a line (CodeMirror handles it first and marks it handled)
    if (event.defaultPrevented || !event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    actions.move(event.key === "ArrowUp" ? -1 : 1);
  });
  return {
    element,
    body,
    label(current, index, count) {
      const text = cellHeading(current, index);
      heading.textContent = text;
      element.setAttribute("aria-label", text);
      run.setAttribute("aria-label", `${text} uitvoeren`);
      up.setAttribute("aria-label", `${text} omhoog`);
      down.setAttribute("aria-label", `${text} omlaag`);
      remove.setAttribute("aria-label", `${text} verwijderen`);
      (up as HTMLButtonElement).disabled = index === 0;
      (down as HTMLButtonElement).disabled = index === count - 1;
    },
    status(text, error = false) {
      statusLine.textContent = text;
      statusLine.classList.toggle("notebook-error", error);
      element.classList.toggle("notebook-cell-failed", error);
    }
  };
}
