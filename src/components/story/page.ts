// Everything a story page needs in one early cell: the respondents (read with hyparquet for a fast first draw),
// the codebook and printed numbers, and the engine that later hands filter changes to DuckDB-WASM.
import {FileAttachment, resize} from "observablehq:stdlib";
import {likertChart} from "../charts/likert.js";
import {meansChart} from "../charts/means.js";
import {sharesChart} from "../charts/shares.js";
import {describeFilter, filterSearch} from "../filters.js";
import {readParquetRows} from "../parquet.js";
import {storyEngine, type StoryEngine} from "./engine.js";
import {dataTable, distributionTable, meansTable, storyFigure} from "./figure.js";
import {SUPPRESSED_TEXT, type DistributionRow, type MeanRow, type Respondent, type ResponseOption, type StoryFilter} from "./model.js";
import {printedVersusRecomputed, type PublishedTable, type Slip} from "./printed-table.js";

export interface StoryMeta {
  sections: {id: string; title_nl: string; stem_nl: string; stem_reconstructed: boolean; figures: string[]; tables?: string[]}[];
  scales: {id: string; title_nl: string; table: string; section: string}[];
  items: {id: string; section: string; figure: string; response_scale: string; scale: string | null; topic: string; text_nl: string}[];
  response_scales: Record<string, {text_nl: string; reconstructed: boolean; reconstructed_note?: string; options: ResponseOption[]}>;
  population: {total: number; size_class_counts: Record<string, number>};
  published: {sample: any; tables: PublishedTable[]; text_means: any[]; percentages: any[]; slips: Slip[]; claims: any[]};
}

export interface Story {
  respondents: Respondent[];
  meta: StoryMeta;
  engine: StoryEngine;
  /** Item texts by id. */
  labels: Record<string, string>;
  /** The items of a figure ("Figuur 3"), in questionnaire order. */
  itemsOf(figure: string): string[];
  /** The answer options of an item. */
  optionsOf(item: string): ResponseOption[];
}

let loading: Promise<Story> | undefined;

/** Loads the story's data once per page. */
export function loadStory(): Promise<Story> {
  return (loading ??= (async () => {
    const [buffer, meta] = await Promise.all([
      FileAttachment("../../data/respondents.parquet").arrayBuffer(),
      FileAttachment("./story-meta.json").json() as Promise<StoryMeta>
    ]);
    const respondents = (await readParquetRows(buffer)) as Respondent[];
    const scaleOf = new Map(meta.items.map((i) => [i.id, i.response_scale]));
    const optionsOf = (item: string) => meta.response_scales[scaleOf.get(item)!]?.options ?? [];
    const engine = storyEngine({
      respondents,
      options: optionsOf,
      loadDuckDB: async () => {
        const {surveyDatabase} = await import("../db.js");
        return (await surveyDatabase()).query;
      }
    });
    return {
      respondents,
      meta,
      engine,
      labels: Object.fromEntries(meta.items.map((i) => [i.id, i.text_nl])),
      itemsOf: (figure) => meta.items.filter((i) => i.figure === figure || (figure.startsWith("Figuur 1") && i.figure === "Figuur 10-13" && /^Figuur 1[0-3]$/.test(figure))).map((i) => i.id),
      optionsOf
    };
  })());
}

/** Starts DuckDB-WASM once the browser is idle after the first draw. */
export function startDuckDBWhenIdle(story: Story): Promise<void> {
  return new Promise((resolve) => {
    const start = () => story.engine.startDuckDB().then(resolve, (error) => (console.warn("DuckDB-WASM kon niet laden; de pagina rekent verder in JavaScript.", error), resolve()));
    if ("requestIdleCallback" in window) (window as any).requestIdleCallback(start, {timeout: 1500});
    else setTimeout(start, 200);
  });
}

/** "n = 101 gemeenten (ongewogen, zoals het rapport)". */
export function nLine(n: number, filter: StoryFilter): string {
  return `n = ${n} gemeenten (${describeFilter(filter)})`;
}

interface FigureText {
  number: string;
  title: string;
  aid: string;
}

/** A Likert figure: diverging bars per item (or per size class), with its table. */
export function likertFigure(
  story: Story,
  rows: DistributionRow[],
  filter: StoryFilter,
  {number, title, aid, y = "item_id", diverging = true}: FigureText & {y?: "item_id" | "group"; diverging?: boolean}
): HTMLElement {
  const n = Math.max(0, ...rows.filter((r) => r.group === "Totaal").map((r) => r.n));
  return storyFigure({
    number,
    title,
    aid,
    chart: resize((width: number) => likertChart(rows, {width, y, labels: story.labels, diverging, ariaLabel: `${number}: ${title}. De cijfers staan in de tabel onder de figuur.`})),
    table: distributionTable(`${number}: ${title} (aandeel per antwoord)`, rows, {y, labels: story.labels}),
    n: nLine(n, filter),
    filterKey: filterSearch(filter),
    engine: story.engine.kind
  });
}

/** Percentages of one answer (Ja) by size class. */
export function sharesFigure(story: Story, rows: DistributionRow[], filter: StoryFilter, {number, title, aid, code = 1}: FigureText & {code?: number}): HTMLElement {
  const n = Math.max(0, ...rows.filter((r) => r.group === "Totaal").map((r) => r.n));
  const picked = rows.filter((r) => r.code === code);
  const groups = [...new Set(picked.map((r) => r.group))];
  const items = [...new Set(picked.map((r) => r.item_id))];
  const body = items.map((item) => [
    story.labels[item],
    ...groups.map((g) => {
      const r = picked.find((p) => p.item_id === item && p.group === g)!;
      return r.suppressed ? SUPPRESSED_TEXT : `${Math.round((r.share ?? 0) * 100)}% (${r.count} van ${r.n})`;
    })
  ]);
  return storyFigure({
    number,
    title,
    aid,
    chart: resize((width: number) => sharesChart(rows, {width, code, labels: story.labels, ariaLabel: `${number}: ${title}. De cijfers staan in de tabel onder de figuur.`})),
    table: dataTable(`${number}: ${title} (aandeel ja)`, ["Voorziening", ...groups], body),
    n: nLine(n, filter),
    filterKey: filterSearch(filter),
    engine: story.engine.kind
  });
}

/** Means with 95% intervals by size class. */
export function meansFigure(
  story: Story,
  rows: MeanRow[],
  filter: StoryFilter,
  {number, title, aid, domain, printed = []}: FigureText & {domain: [number, number]; printed?: {group: string; mean: number}[]}
): HTMLElement {
  const total = rows.find((r) => r.group === "Totaal");
  return storyFigure({
    number,
    title,
    aid,
    chart: resize((width: number) => meansChart(rows, {width, domain, printed, ariaLabel: `${number}: ${title}. De cijfers staan in de tabel onder de figuur.`})),
    table: meansTable(`${number}: ${title} (gemiddelde per gemeentegrootte)`, rows),
    n: nLine(total?.n ?? 0, filter),
    filterKey: filterSearch(filter),
    engine: story.engine.kind
  });
}

/** The share (0-1) of answers with one of `codes` for an item in a group, or null when suppressed. */
export function shareOf(rows: DistributionRow[], item: string, codes: number[], group = "Totaal"): number | null {
  const cells = rows.filter((r) => r.item_id === item && r.group === group);
  if (!cells.length || cells[0].suppressed) return null;
  return cells.filter((r) => codes.includes(r.code)).reduce((sum, r) => sum + (r.share ?? 0), 0);
}

/** The mean answer code of an item (from the distribution), or null when suppressed. */
export function meanOf(rows: DistributionRow[], item: string, group = "Totaal"): number | null {
  const cells = rows.filter((r) => r.item_id === item && r.group === group);
  if (!cells.length || cells[0].suppressed) return null;
  return cells.reduce((sum, r) => sum + r.code * (r.share ?? 0), 0);
}

/**
 * A live Table (1-5): the report's printed "mean (n)" beside the recomputed value per size class, the slips
 * marked, and the means with 95% intervals as a chart. `columns` maps each scale of the table to its rows.
 */
export function printedTableFigure(story: Story, number: string, columns: Record<string, MeanRow[]>, filter: StoryFilter, {aid}: {aid: string}): HTMLElement {
  const tables = story.meta.published.tables.filter((t) => t.id === number);
  const title = tables.length > 1 ? tables.map((t) => t.title_nl).join(" / ") : tables[0].title_nl;
  const wrapper = document.createElement("div");
  wrapper.className = "story-table-scroll";
  // On a phone the table scrolls sideways: make the scroll area reachable and named for keyboard users.
  wrapper.tabIndex = 0;
  wrapper.setAttribute("role", "region");
  wrapper.setAttribute("aria-label", `${number}: rapport en herberekend`);
  wrapper.append(
    printedVersusRecomputed(
      tables.map((t) => ({table: t, rows: columns[t.scale]})),
      story.meta.published.slips.filter((s) => s.table === number && tables.some((t) => t.rows.some((r) => r.slip === s.id) || t.total.slip === s.id)),
      {caption: `${number}: gemiddelde score (aantal gemeenten) — rapport en herberekend`}
    )
  );
  const charts = document.createElement("div");
  for (const t of tables) {
    const rows = columns[t.scale];
    const printed = [...t.rows.map((r) => ({group: r.size_class!, mean: r.mean})), {group: "Totaal", mean: t.total.mean}];
    const chart = resize((width: number) => meansChart(rows, {width, domain: t.range, printed, ariaLabel: `${number}: ${t.title_nl}, gemiddelde per gemeentegrootte. De cijfers staan in de tabel.`}));
    if (tables.length > 1) {
      const h = document.createElement("h4");
      h.textContent = t.title_nl;
      charts.append(h);
    }
    charts.append(chart);
  }
  const total = columns[tables[0].scale].find((r) => r.group === "Totaal");
  return storyFigure({
    number,
    title,
    aid,
    chart: charts,
    table: meansTable(`${number}: herberekende gemiddelden met 95%-interval`, Object.values(columns).flat()),
    n: nLine(total?.n ?? 0, filter),
    filterKey: filterSearch(filter),
    engine: story.engine.kind,
    lead: wrapper
  });
}

/** Figures 10-13: the needs of each size class as its own small chart, side by side on wide screens. */
export function needsFigures(story: Story, rows: DistributionRow[], filter: StoryFilter): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "story-needs";
  const panels: [string, string, string][] = [
    ["Figuur 10", "Behoeften van kleine gemeenten", "<25.000"],
    ["Figuur 11", "Behoeften van middelgrote gemeenten", "25.001-50.000"],
    ["Figuur 12", "Behoeften van grote gemeenten", "50.001-100.000"],
    ["Figuur 13", "Behoeften van steden", ">100.000"]
  ];
  for (const [number, title, group] of panels) {
    const own = rows.filter((r) => r.group === group);
    if (!own.length) {
      const note = document.createElement("p");
      note.className = "story-figure-aid";
      note.textContent = `${number} (${title}, ${group}): deze gemeentegrootte is niet geselecteerd.`;
      grid.append(note);
      continue;
    }
    grid.append(
      likertFigure(story, own.map((r) => ({...r, group: "Totaal"})), filter, {
        number,
        title: `${title} (${group} inwoners)`,
        aid: "Per behoefte het aandeel gemeenten met geen, enige of veel behoefte.",
        diverging: false
      })
    );
  }
  return grid;
}
