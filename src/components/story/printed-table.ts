// Tables 1-5: the value recomputed under the current filter per size class and in total, and (where the data are
// the reconstruction) the report's printed value beside it with the report's known slips marked. Printed values come
// from the survey metadata (meta.published, i.e. data/published.json).
import {html} from "htl";
import {formatNumber} from "../format.js";
import type {PublishedRow, PublishedTable} from "../survey/survey-meta.js";
import {SUPPRESSED_TEXT, TOTAL, type MeanRow, type StoryFilter} from "./model.js";

export interface Slip {
  id: string;
  table: string;
  printed: string;
  consistent: string;
  note_nl: string;
}

/** Do the printed mean and n agree with a recomputed row (to the report's two decimals)? */
export function agrees(printed: PublishedRow & {n_consistent?: number}, row: MeanRow | undefined): boolean {
  if (!row || row.mean == null) return false;
  return Math.abs(Math.round(row.mean * 100) / 100 - printed.mean) < 0.005 && row.n === (printed.n_consistent ?? printed.n);
}

export interface PrintedColumn {
  table: PublishedTable;
  /** Recomputed under the current filter. */
  rows: MeanRow[];
}

interface TableLayout {
  caption: string;
  /** Rows of the table: every size class (meta.sizeClasses), then the total. */
  sizeClasses: readonly string[];
  filter: StoryFilter;
}

/** The recomputed cell's text ("2,21 (28)", the small-group text with no count, or "niet geselecteerd") and class. */
function recomputed(group: string, rows: MeanRow[], filter: StoryFilter, printed?: PublishedRow): {text: string; className: string} {
  const row = rows.find((r) => r.group === group);
  const selected = group === TOTAL || filter.sizes.includes(group);
  const text = !selected ? "niet geselecteerd" : !row || row.suppressed || row.mean == null ? SUPPRESSED_TEXT : `${formatNumber(row.mean)} (${row.n})`;
  const same = printed != null && agrees(printed, row);
  return {text, className: same ? "recomputed same" : "recomputed"};
}

function recomputedCell(group: string, rows: MeanRow[], filter: StoryFilter, printed?: PublishedRow): HTMLTableCellElement {
  const {text, className} = recomputed(group, rows, filter, printed);
  return html`<td class=${className}>${text}</td>` as HTMLTableCellElement;
}

const printedOf = (t: PublishedTable, group: string) => (group === TOTAL ? t.total : t.rows.find((r) => r.size_class === group));

/**
 * Points a table made by recomputedTable or printedVersusRecomputed (with the same columns) at another filter: only
 * the recomputed cells change, in place, so a filter change does not build the table again.
 */
export function updateRecomputed(container: Element, columns: PrintedColumn[], filter: StoryFilter): void {
  const withPrinted = container.querySelector("td.printed") != null;
  for (const tr of container.querySelectorAll<HTMLTableRowElement>("tr[data-group]")) {
    const group = tr.dataset.group!;
    tr.querySelectorAll("td.recomputed").forEach((td, i) => {
      const {table, rows} = columns[i];
      const {text, className} = recomputed(group, rows, filter, withPrinted ? printedOf(table, group) : undefined);
      if (td.textContent !== text) td.textContent = text;
      if (td.className !== className) td.className = className;
    });
  }
}

/** The recomputed means per size class and in total, one column per scale (Tabel 5 has two). */
export function recomputedTable(columns: PrintedColumn[], {caption, sizeClasses, filter}: TableLayout): HTMLElement {
  return html`<div class="story-printed"><table class="story-table story-printed-table">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">Gemeentegrootte</th>${columns.map(({table: t}) => html`<th scope="col">${columns.length > 1 ? t.title_nl : "Gemiddelde (n)"}</th>`)}</tr></thead>
    <tbody>${[...sizeClasses, TOTAL].map((group) => html`<tr data-group=${group}><th scope="row">${group}</th>${columns.map(({rows}) => recomputedCell(group, rows, filter))}</tr>`)}</tbody>
  </table></div>`;
}

/**
 * One HTML table with, per column, the printed "2,21 (28)" and the recomputed value. Rows are the size classes and
 * the total; a slip gets a footnote marker and a note below the table.
 */
export function printedVersusRecomputed(columns: PrintedColumn[], slips: Slip[], {caption, sizeClasses, filter}: TableLayout): HTMLElement {
  const markers = new Map<string, number>();
  const marker = (slip: string) => {
    if (!markers.has(slip)) markers.set(slip, markers.size + 1);
    return markers.get(slip)!;
  };
  const printedCell = (printed: PublishedRow | undefined) => {
    if (!printed) return html`<td class="printed">–</td>`;
    const text = `${formatNumber(printed.mean)} (${printed.n})`;
    if (!printed.slip) return html`<td class="printed">${text}</td>`;
    const m = marker(printed.slip);
    return html`<td class="printed slip">${text} <sup><a href=${`#slip-${printed.slip}`} aria-label=${`voetnoot ${m}: fout in het rapport`}>${m}</a></sup></td>`;
  };
  const body = [...sizeClasses, TOTAL].map(
    (group) =>
      html`<tr data-group=${group}><th scope="row">${group}</th>${columns.flatMap(({table: t, rows}) => {
        const printed = printedOf(t, group);
        return [printedCell(printed), recomputedCell(group, rows, filter, printed)];
      })}</tr>`
  );
  // Two header rows: the table's column(s) from the report, then "rapport" and "herberekend" under each.
  const table = html`<table class="story-table story-printed-table">
    <caption>${caption}</caption>
    <thead>
      <tr><th scope="col" rowspan="2">Gemeentegrootte</th>${columns.map(({table: t}) => html`<th scope="colgroup" colspan="2">${columns.length > 1 ? t.title_nl : "Gemiddelde (n)"}</th>`)}</tr>
      <tr>${columns.flatMap(() => [html`<th scope="col">rapport</th>`, html`<th scope="col">herberekend</th>`])}</tr>
    </thead>
    <tbody>${body}</tbody>
  </table>`;
  const notes = slips.filter((s) => markers.has(s.id) || columns.some((c) => c.table.id === s.table));
  for (const slip of notes) marker(slip.id);
  return html`<div class="story-printed">${table}${
    notes.length
      ? html`<ol class="story-slips">${notes.map(
          (slip) => html`<li id=${`slip-${slip.id}`} value=${marker(slip.id)}><strong>Slordigheid in het rapport. </strong>Gedrukt: “${slip.printed}”; consistent: “${slip.consistent}”. ${slip.note_nl}</li>`
        )}</ol>`
      : null
  }</div>`;
}
