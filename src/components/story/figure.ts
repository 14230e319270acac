// A numbered figure as the report has it, made accessible: title, one-line reading aid, the chart, a source and
// n line, and a table with the same numbers for screen readers and anyone who prefers numbers.
import {html} from "htl";
import {formatPercent, formatNumber} from "../format.js";
import {SUPPRESSED_TEXT, type DistributionRow, type MeanRow} from "./model.js";
import {exampleFor, exampleQueries, type ExampleQuery} from "../sql/examples.js";
import {sqlLink} from "../sql/link.js";
import type {SurveyMeta} from "../survey/survey-meta.js";
import {parseFilter} from "../filters.js";
import {figureActions, type FigureActions} from "./figure-actions.js";
import type {FigureNumbers} from "./figure-downloads.js";
import {figureNotebookLink, type FigureQuery} from "./figure-notebook.js";

export interface FigureOptions {
  /** "Figuur 3", "Tabel 1": the report's number. */
  number: string;
  title: string;
  /** One line that tells the reader how to read the chart. */
  aid: string;
  chart: Node;
  /** Data table with the chart's numbers. */
  table: HTMLTableElement;
  /** e.g. "n = 101 gemeenten". */
  n: string;
  /** Where the numbers come from (default: the report); pages add the data's provenance (dataPhrase). */
  source?: string;
  /** A sentence on how the numbers were computed (which interval is drawn), under the chart. */
  method?: string;
  /** The filter query string the figure was drawn for (tests and benchmarks wait on it). */
  filterKey?: string;
  engine?: string;
  /** Shown between the reading aid and the chart (a live table, for instance). */
  lead?: Node;
  /** The survey's metadata: with it, a printed figure or table links to its query in the SQL workbench. */
  meta?: SurveyMeta;
  /** What the figure counts: with `meta`, the figure opens as a notebook with the filters of `filterKey`. */
  query?: FigureQuery;
  /** The figure's numbers, offered as CSV. */
  numbers?: FigureNumbers;
  /** Show the row of actions (notebook, downloads, link); default true. */
  actions?: boolean;
}

/** The example queries of a survey, made once per metadata object (every figure of a page asks). */
const queriesOf = new WeakMap<SurveyMeta, ExampleQuery[]>();

/** The SQL workbench's query that reproduces a printed figure or table ("Figuur 3", "Tabel 1"), if it has one. */
export function figureQuery(number: string, meta: SurveyMeta): string | null {
  let queries = queriesOf.get(meta);
  if (!queries) queriesOf.set(meta, (queries = exampleQueries(meta)));
  return exampleFor(queries, number)?.sql ?? null;
}

/** The workbench page relative to the current page, so links also work when the site is served from a sub-folder. */
function workbenchPath(): string {
  const depth = typeof location === "undefined" ? 0 : location.pathname.split("/").length - 2;
  return depth > 0 ? `${"../".repeat(depth)}sql` : "./sql";
}

/** "Open deze query in de SQL-werkbank": the query behind a figure, unfiltered, ready to run and change. */
export function queryLink(number: string, meta: SurveyMeta): HTMLElement | null {
  const query = figureQuery(number, meta);
  if (!query) return null;
  return html`<p class="story-figure-query-line"><a href=${sqlLink(query, {page: workbenchPath()})} class="story-figure-query">Open deze query in de SQL-werkbank</a> (zonder filters: de query die de gepubliceerde cijfers geeft).</p>`;
}

/** An id for anchors: "Figuur 10" -> "figuur-10". */
export function figureId(number: string): string {
  return number.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export const REPORT_SOURCE = "Bron: Rathenau Instituut (2022), Kennis voor lokaal beleid";

/** The link to a figure's notebook, with the filters the figure was drawn for. */
function notebookHrefOf({number, title, query, meta, filterKey = ""}: FigureOptions): string | null {
  if (!query || !meta) return null;
  const filter = parseFilter(filterKey, {sizeClasses: meta.sizeClasses, roles: meta.roles});
  return figureNotebookLink({number, title, query, filter, meta});
}

/** What changes when a story figure is redrawn for another filter; its chart redraws itself (sized-chart.ts). */
export interface FigureUpdate {
  filterKey: string;
  n: string;
  table: HTMLTableElement;
  lead?: Node;
  numbers?: FigureNumbers;
}

/** A figure that can be pointed at another filter in place: only what the filter changes is touched. */
export interface StoryFigure extends HTMLElement {
  update(next: FigureUpdate): void;
}

export function storyFigure(options: FigureOptions): StoryFigure {
  const {number, title, aid, chart, table, n, source = REPORT_SOURCE, method, filterKey, engine = "", lead, meta, numbers, actions = true} = options;
  const id = figureId(number);
  // A story figure's link carries its filters; elsewhere (the lab) the page's own query string is its state.
  const search = filterKey ?? (typeof location === "undefined" ? "" : location.search);
  const figure = html`<figure class="story-figure" aria-labelledby=${`${id}-titel`} data-figure=${number} data-filter=${filterKey ?? ""} data-engine=${engine || null}>
    <h3 id=${`${id}-titel`} class="story-figure-title"><span class="story-figure-number">${number}</span> ${title}</h3>
    <p class="story-figure-aid">${aid}</p>
    ${lead ?? null}
    <div class="story-figure-chart">${chart}</div>
    ${method ? html`<p class="story-figure-method">${method}</p>` : null}
    <figcaption class="story-figure-source">${source}; ${n}.</figcaption>
    <details class="story-figure-table"><summary>${number} als tabel</summary>${table}</details>
    ${meta ? queryLink(number, meta) : null}
  </figure>` as StoryFigure;
  let current = options;
  let shownLead = lead;
  const notebookHref = options.query && meta ? () => notebookHrefOf(current) : undefined;
  let row: FigureActions | null = null;
  if (actions) {
    const chartOf = () => figure.querySelector(".story-figure-chart");
    row = figureActions({number, id, title, chart: chartOf, search, notebookHref, numbers});
    figure.querySelector(".story-figure-source")!.after(row);
  }
  const caption = figure.querySelector(".story-figure-source")!;
  const details = figure.querySelector("details.story-figure-table")!;
  figure.update = (next) => {
    current = {...current, ...next};
    caption.textContent = `${source}; ${next.n}.`;
    details.querySelector("table")!.replaceWith(next.table);
    if (next.lead && shownLead && next.lead !== shownLead) {
      (shownLead as ChildNode).replaceWith(next.lead);
      shownLead = next.lead;
    }
    row?.refresh({search: next.filterKey, notebookHref, numbers: next.numbers});
    // Last: tests and the bench take a figure whose data-filter is the new filter as redrawn.
    figure.dataset.filter = next.filterKey;
  };
  // The first chart of a chapter page was drawn at build time (story/first-charts.ts) and shown as an image
  // until now: swap it out as soon as this live figure has its chart on the page.
  let frames = 0;
  const swap = () => {
    if (figure.isConnected && figure.querySelector(".story-figure-chart svg")) document.querySelector(`.story-prerender[data-for="${number}"]`)?.remove();
    else if (++frames < 600) requestAnimationFrame(swap);
  };
  if (typeof requestAnimationFrame !== "undefined") requestAnimationFrame(swap);
  // Pages put a static anchor (<span id="figuur-3">) before each figure; figures above it are drawn after the
  // page loads and push it down, so jump to it again once this figure is on the page.
  if (typeof location !== "undefined" && location.hash === `#${id}`) requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
  return figure;
}

/** An element with text (the table below is rebuilt on every filter change: plain DOM calls, no template to parse). */
function cell<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, scope?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (scope) element.setAttribute("scope", scope);
  element.textContent = text;
  return element;
}

/** A plain table: header row, body rows of strings. */
export function dataTable(caption: string, header: string[], body: string[][]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "story-table";
  const head = document.createElement("tr");
  head.append(...header.map((h) => cell("th", h, "col")));
  const rows = body.map((row) => {
    const tr = document.createElement("tr");
    tr.append(cell("th", row[0], "row"), ...row.slice(1).map((c) => cell("td", c)));
    return tr;
  });
  table.append(cell("caption", caption), document.createElement("thead"), document.createElement("tbody"));
  table.tHead!.append(head);
  table.tBodies[0].append(...rows);
  return table;
}

/** Distribution rows as a table: one row per bar (item or group), one column per answer; hidden groups show no number. */
export function distributionTable(caption: string, rows: DistributionRow[], {y = "item_id", labels = {}}: {y?: "item_id" | "group"; labels?: Record<string, string>} = {}): HTMLTableElement {
  const answers = [...new Map(rows.map((r) => [r.code, r.label])).entries()].sort((a, b) => a[0] - b[0]);
  const keys = [...new Set(rows.map((r) => r[y]))];
  const body = keys.map((key) => {
    const cells = rows.filter((r) => r[y] === key);
    const first = cells[0];
    const name = y === "item_id" ? labels[key] ?? key : key;
    if (first.suppressed) return [name, ...answers.map(() => SUPPRESSED_TEXT), first.n == null ? "" : String(first.n)];
    return [name, ...answers.map(([code]) => formatPercent(cells.find((c) => c.code === code)?.share ?? 0)), String(first.n)];
  });
  return dataTable(caption, [y === "item_id" ? "Vraag" : "Groep", ...answers.map(([, label]) => label), "n"], body);
}

/** Mean rows as a table; hidden groups show neither value nor count. */
export function meansTable(caption: string, rows: MeanRow[]): HTMLTableElement {
  return dataTable(
    caption,
    ["Groep", "Gemiddelde", "95%-interval", "n"],
    rows.map((r) => (r.suppressed || r.mean == null ? [r.group, SUPPRESSED_TEXT, "", r.n == null ? "" : String(r.n)] : [r.group, formatNumber(r.mean), `${formatNumber(r.low)} – ${formatNumber(r.high)}`, String(r.n)]))
  );
}
