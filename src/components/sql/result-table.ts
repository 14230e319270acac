// The result table and its pager: which rows a page shows (pure), and the table itself, built with htl so that
// every value is text, never markup.
import {html} from "htl";
import type {Table} from "apache-arrow";
import {resultColumns, tableRows, type ResultColumn} from "./columns.js";
import {displayValue, rowCountText} from "./format.js";

export interface PageWindow {
  /** 0-based page, clamped to the pages there are. */
  page: number;
  pages: number;
  /** Offset of the page's first row among the kept rows. */
  offset: number;
  /** 1-based numbers of the first and last row shown. */
  first: number;
  last: number;
}

/** Page `page` of `keptRows` rows, `pageSize` per page. */
export function pageWindow(keptRows: number, pageSize: number, page: number): PageWindow {
  const pages = Math.max(1, Math.ceil(keptRows / pageSize));
  const clamped = Math.max(0, Math.min(page, pages - 1));
  const offset = clamped * pageSize;
  return {page: clamped, pages, offset, first: keptRows ? offset + 1 : 0, last: Math.min(keptRows, offset + pageSize)};
}

/** The line above the table when only part of the result is kept; "" when it is all there. */
export function partialResultText(rowCount: number, keptRows: number): string {
  return rowCount > keptRows ? `${rowCountText(rowCount)}; de eerste ${displayValue(keptRows)} staan hieronder, de rest is alleen geteld. Exporteren geeft alle rijen.` : "";
}

/** One page of the result as a <table> with a hidden caption; numbers right-aligned, NULL marked. */
export function resultTable(table: Table, window: PageWindow, rowCount: number): HTMLElement {
  const columns: ResultColumn[] = resultColumns(table.schema);
  if (!columns.length) return html`<p>De query is uitgevoerd en gaf geen tabel terug.</p>`;
  const numeric = columns.map((c) => c.kind === "number");
  const rows = tableRows(table, {offset: window.offset, limit: window.last - window.offset});
  const cellClass = (i: number, value: unknown) => [numeric[i] ? "num" : "", value === null ? "null" : ""].filter(Boolean).join(" ") || null;
  return html`<table>
    <caption class="sr-only">${`Resultaat, rijen ${window.first} tot en met ${window.last} van ${displayValue(rowCount)}`}</caption>
    <thead><tr>${columns.map((c, i) => html`<th scope="col" title=${c.type} class=${numeric[i] ? "num" : null}>${c.name}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr>${row.map((value, i) => html`<td class=${cellClass(i, value)}>${value === null ? "NULL" : displayValue(value)}</td>`)}</tr>`)}</tbody>
  </table>`;
}

/** Previous/next buttons with the rows shown; null when everything fits on one page. */
export function pager(window: PageWindow, turn: (step: -1 | 1) => void): HTMLElement | null {
  if (window.pages <= 1) return null;
  return html`<span>
    <button type="button" disabled=${window.page === 0} onclick=${() => turn(-1)}>Vorige</button>
    <span>${` rijen ${displayValue(window.first)}–${displayValue(window.last)} · pagina ${displayValue(window.page + 1)} van ${displayValue(window.pages)} `}</span>
    <button type="button" disabled=${window.page >= window.pages - 1} onclick=${() => turn(1)}>Volgende</button>
  </span>`;
}
