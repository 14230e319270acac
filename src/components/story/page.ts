// Everything a story page needs in one early cell: the survey (respondents read with hyparquet, and the metadata),
// the engine that answers every filter change in JavaScript (no DuckDB-WASM on story pages), and the figures.
import {html} from "htl";
import {likertChart} from "../charts/likert.js";
import {meansChart} from "../charts/means.js";
import {sharesChart} from "../charts/shares.js";
import {defaultFilter, describeFilter, filterSearch, type FilterDomain, type FilterForm} from "../filters.js";
import {formatPercent} from "../format.js";
import {intervalDescription} from "../stats/domain-mean.js";
import {loadSurvey} from "../survey/load-survey.js";
import {dataNoticeBlock} from "../survey/data-notice.js";
import {dataPhrase} from "../survey/provenance.js";
import type {Respondent} from "../survey/respondent.js";
import {itemById, itemsOfFigure, optionsOf, type PublishedTable, type SurveyMeta} from "../survey/survey-meta.js";
import {storyEngine, type StoryEngine} from "./engine.js";
import {tablesEngine} from "./engine-tables.js";
import {loadProtectedTables} from "./load-protected-tables.js";
import {sizedChart, type SizedChart} from "./sized-chart.js";
import {dataTable, distributionTable, meansTable, REPORT_SOURCE, storyFigure, type FigureUpdate, type StoryFigure} from "./figure.js";
import type {FigureQuery} from "./figure-notebook.js";
import {drawAhead} from "./draw-ahead.js";
import {dataKey, followFilter, liveFigure, type ChartView} from "./live-figure.js";
import {SUPPRESSED_TEXT, TOTAL, type DistributionRow, type MeanRow, type ResponseOption, type StoryDesign, type StoryFilter} from "./model.js";
import {printedVersusRecomputed, recomputedTable, updateRecomputed} from "./printed-table.js";

// The report's printed numbers beside recomputed ones, for the pages' prose (one import for a story page).
export {printedPercentage, printedScaleMean, reportMeanNote, reportNote, reportPercentNote} from "./report-note.js";

export {meanOf, meanText, scaleMeanText, shareOf, sharePercent, SUPPRESSED_IN_PROSE} from "./prose-numbers.js";

export interface Story {
  respondents: Respondent[];
  meta: SurveyMeta;
  engine: StoryEngine;
  /** The size classes and roles the filters offer, and the population weighting goes to. */
  filters: FilterDomain;
  design: StoryDesign;
  /** The unfiltered view. */
  defaultFilter: StoryFilter;
  /** Item texts by id. */
  labels: Record<string, string>;
  /** The items of a figure ("Figuur 3"), in questionnaire order. */
  itemsOf(figure: string): string[];
  /** The answer options of an item. */
  optionsOf(item: string): ResponseOption[];
}

let loading: Promise<Story> | undefined;

/** The story of the site's survey data, built once per page. */
export function loadStory(): Promise<Story> {
  return (loading ??= loadSurvey().then(async ({respondents, meta}) => {
    const design: StoryDesign = {sizeClasses: meta.sizeClasses, population: meta.population.sizeClassCounts};
    const filters: FilterDomain = {sizeClasses: meta.sizeClasses, roles: meta.roles, population: meta.population};
    const options = (item: string) => optionsOf(meta, item);
    // Protected publication: the story answers from the protected tables (real aggregates), not the synthetic rows.
    const engine = meta.provenance.publication === "protected" ? tablesEngine({tables: await loadProtectedTables(), options, design}) : storyEngine({respondents, options, design});
    return {
      respondents,
      meta,
      engine,
      filters,
      design,
      defaultFilter: defaultFilter(filters),
      labels: Object.fromEntries(meta.items.map((i) => [i.id, i.text])),
      itemsOf: (figure) => itemsOfFigure(meta, figure),
      optionsOf: options
    };
  }));
}

/** The banner at the top of a page: where the data come from (and, on chapter pages, what the filters do). */
export function dataBanner(story: Story, extra = ""): HTMLElement {
  return dataNoticeBlock(story.meta.provenance, {more: extra || undefined, view: "tables"});
}

/** "n = 101 gemeenten (ongewogen, zoals het rapport)"; a hidden total's n is never stated. */
export function nLine(story: Story, n: number | null, filter: StoryFilter): string {
  const count = n == null ? "aantal gemeenten niet getoond, om kleine groepen te beschermen" : `n = ${n} gemeenten`;
  return `${count} (${describeFilter(filter, story.filters)})`;
}

/** The n of a figure: the largest shown total over its items (null when every total is hidden). */
function figureN(rows: {group: string; n: number | null; suppressed: boolean}[]): number | null {
  const shown = rows.filter((r) => r.group === TOTAL && r.n != null && !r.suppressed).map((r) => r.n!);
  return shown.length ? Math.max(...shown) : null;
}

/** The source line of every figure: the report, and the data the numbers were computed from. */
function sourceOf(story: Story): string {
  return `${REPORT_SOURCE}; herberekend uit ${dataPhrase(story.meta.provenance)}`;
}

/** The sentence under a means chart that says which interval it draws. */
export function intervalLine(story: Story): string {
  return `De lijn is het ${intervalDescription({}, story.meta.population.total)}.`;
}

interface FigureText {
  number: string;
  title: string;
  aid: string;
}

/** The Likert chart of a set of distribution rows. */
function likertCharts(story: Story, rows: DistributionRow[], {number, title, y = "item_id", diverging = true}: LikertText): ChartView[] {
  const ariaLabel = `${number}: ${title}. De cijfers staan in de tabel onder de figuur.`;
  return [{key: dataKey(rows), render: (width: number) => likertChart(rows, {width, y, labels: story.labels, diverging, ariaLabel})}];
}

/** The table, n line and numbers of a Likert figure's distribution rows. */
function likertUpdate(story: Story, rows: DistributionRow[], filter: StoryFilter, {number, title, y = "item_id"}: LikertText): FigureUpdate {
  return {
    filterKey: filterSearch(filter, story.filters),
    n: nLine(story, figureN(rows), filter),
    table: distributionTable(`${number}: ${title} (aandeel per antwoord)`, rows, {y, labels: story.labels}),
    numbers: {kind: "distribution", rows, labels: story.labels}
  };
}

type LikertText = FigureText & {y?: "item_id" | "group"; diverging?: boolean};

/** A figure built once around its charts, showing what the first filter shows. */
function figureOf(story: Story, text: FigureText, charts: Node, update: FigureUpdate, more: {query: FigureQuery; lead?: Node; method?: string}): StoryFigure {
  return storyFigure({...text, chart: charts, table: update.table, source: sourceOf(story), n: update.n, filterKey: update.filterKey, engine: story.engine.kind, meta: story.meta, numbers: update.numbers, ...more});
}

/**
 * A Likert figure: diverging bars per item (or, y = "group", per size class) of `items`, with its table; it redraws
 * itself on every change of the page's filter form.
 */
export function likertFigure(
  story: Story,
  filters: FilterForm,
  {items, y = "item_id", diverging = true, ...text}: FigureText & {items: string[]; y?: "item_id" | "group"; diverging?: boolean}
): Promise<StoryFigure> {
  const options = {...text, y, diverging};
  return liveFigure(filters, {
    id: text.number,
    rows: (filter) => story.engine.distribution(filter, {items, bySize: y === "group"}),
    charts: (rows) => likertCharts(story, rows, options),
    update: (rows, filter) => likertUpdate(story, rows, filter, options),
    figure: ([chart], first) => figureOf(story, text, chart, first, {query: {kind: "distribution", items, bySize: y === "group"}})
  });
}

/** Percentages of one answer (Ja) of `items` by size class. */
export function sharesFigure(story: Story, filters: FilterForm, {items, code = 1, ...text}: FigureText & {items: string[]; code?: number}): Promise<StoryFigure> {
  const {number, title} = text;
  const ariaLabel = `${number}: ${title}. De cijfers staan in de tabel onder de figuur.`;
  const picked = (rows: DistributionRow[]) => rows.filter((r) => r.code === code);
  const update = (rows: DistributionRow[], filter: StoryFilter): FigureUpdate => {
    const shown = picked(rows);
    const groups = [...new Set(shown.map((r) => r.group))];
    const body = items.map((item) => [
      story.labels[item],
      ...groups.map((g) => {
        const r = shown.find((p) => p.item_id === item && p.group === g)!;
        return r.suppressed ? SUPPRESSED_TEXT : `${formatPercent(r.share)} (${r.count} van ${r.n})`;
      })
    ]);
    return {
      filterKey: filterSearch(filter, story.filters),
      n: nLine(story, figureN(shown), filter),
      table: dataTable(`${number}: ${title} (aandeel ja)`, ["Voorziening", ...groups], body),
      numbers: {kind: "distribution", rows: shown, labels: story.labels}
    };
  };
  return liveFigure(filters, {
    id: number,
    rows: (filter) => story.engine.distribution(filter, {items, bySize: true}),
    charts: (rows) => [{key: dataKey(picked(rows)), render: (width: number) => sharesChart(rows, {width, code, labels: story.labels, sizeClasses: story.meta.sizeClasses, ariaLabel})}],
    update,
    figure: ([chart], first) => figureOf(story, text, chart, first, {query: {kind: "distribution", items, bySize: true, codes: [code], chart: "shares"}})
  });
}

/**
 * The note on an answer scale the report does not print and the reconstruction had to assume (from the codebook),
 * shown only when the data are the reconstruction: a publisher's export carries its own answer scale.
 */
export function answerScaleNote(story: Story, figure: string): string {
  const [item] = story.itemsOf(figure);
  const scale = story.meta.responseScales[itemById(story.meta, item).responseScale];
  return story.meta.provenance.source === "reconstructed" && scale.reconstructed && scale.reconstructedNote ? scale.reconstructedNote : "";
}

/** The report's tables with this number ("Tabel 5" has two). */
function publishedTables(story: Story, number: string): PublishedTable[] {
  const tables = story.meta.published.tables.filter((t) => t.id === number);
  if (!tables.length) throw new Error(`invalid table: ${number}`);
  return tables;
}

/**
 * A live Table (1-5): the means per size class with their intervals as a chart and a table; where the data are the
 * reconstruction, the report's printed "mean (n)" beside the recomputed value, with the report's slips marked. The
 * table's scales come from the report's tables with this number; the figure redraws itself on every filter change.
 */
export function printedTableFigure(story: Story, number: string, filters: FilterForm, {aid}: {aid: string}): Promise<StoryFigure> {
  const tables = publishedTables(story, number);
  const showPrinted = story.meta.provenance.showPrinted;
  const title = tables.length > 1 ? tables.map((t) => t.title_nl).join(" / ") : tables[0].title_nl;
  const caption = showPrinted ? `${number}: gemiddelde score (aantal gemeenten) — rapport en herberekend` : `${number}: gemiddelde score (aantal gemeenten)`;
  const printedOf = (t: PublishedTable) => (showPrinted ? [...t.rows.map((r) => ({group: r.size_class, mean: r.mean})), {group: TOTAL, mean: t.total.mean}] : []);
  let lead: HTMLElement | null = null;
  const update = (columns: MeanRow[][], filter: StoryFilter): FigureUpdate => {
    const columnsOf = tables.map((t, i) => ({table: t, rows: columns[i]}));
    // The printed-versus-recomputed table is built once; a filter change only rewrites its recomputed cells.
    if (lead) updateRecomputed(lead, columnsOf, filter);
    else
      // On a phone the table scrolls sideways: the scroll area is reachable and named for keyboard users.
      lead = html`<div class="story-table-scroll" tabindex="0" role="region" aria-label=${caption}>${
        showPrinted
          ? printedVersusRecomputed(columnsOf, story.meta.published.slips.filter((s) => s.table === number) as any, {caption, sizeClasses: story.meta.sizeClasses, filter})
          : recomputedTable(columnsOf, {caption, sizeClasses: story.meta.sizeClasses, filter})
      }</div>` as HTMLElement;
    return {
      filterKey: filterSearch(filter, story.filters),
      n: nLine(story, figureN(columns[0]), filter),
      table: meansTable(`${number}: herberekende gemiddelden met 95%-interval`, columns.flat()),
      lead,
      numbers: {kind: "means", rows: tables.flatMap((t, i) => columns[i].map((row) => ({...row, scale: t.scale})))}
    };
  };
  return liveFigure(filters, {
    id: number,
    rows: (filter) => Promise.all(tables.map((t) => story.engine.means(filter, {scale: t.scale}))),
    charts: (columns) =>
      tables.map((t, i) => ({
        key: dataKey(columns[i]),
        render: (width: number) => meansChart(columns[i], {width, domain: t.range, printed: printedOf(t), ariaLabel: `${number}: ${t.title_nl}, gemiddelde per gemeentegrootte. De cijfers staan in de tabel.`})
      })),
    update,
    figure: (charts, first) => {
      const box = html`<div>${tables.flatMap((t, i) => (tables.length > 1 ? [html`<h4>${t.title_nl}</h4>`, charts[i]] : [charts[i]]))}</div>`;
      const text = {number, title, aid: showPrinted ? aid : "De stip is het herberekende gemiddelde, de lijn het 95%-interval."};
      return figureOf(story, text, box, first, {query: {kind: "means", scales: tables.map((t) => t.scale)}, lead: first.lead, method: intervalLine(story)});
    }
  });
}

/**
 * Figures 10 onward that share one set of items: the needs of each size class as its own small chart, side by
 * side on wide screens. Which figure shows which size class follows from the metadata (same items, size order).
 * A size class left out by the filter shows a line instead of its figure; its figure comes back when it is chosen.
 */
export async function needsFigures(story: Story, filters: FilterForm, {first = "Figuur 10"} = {}): Promise<HTMLElement> {
  const items = story.itemsOf(first);
  const numbers = Object.keys(story.meta.figureItems).filter((f) => story.meta.figureItems[f].join(",") === items.join(","));
  const box = html`<div class="story-needs"></div>` as HTMLElement;
  const made = new Map<string, {figure: StoryFigure; chart: SizedChart}>();
  const aid = "Per behoefte het aandeel gemeenten met geen, enige of veel behoefte.";
  const textOf = (number: string, i: number) => ({number, title: `Behoeften van gemeenten met ${story.meta.sizeClasses[i]} inwoners`, aid, diverging: false});
  /** A size class's own rows, as the total of its figure. */
  const ownOf = (rows: DistributionRow[], i: number) => rows.filter((r) => r.group === story.meta.sizeClasses[i]).map((r) => ({...r, group: TOTAL}));
  const show = (rows: DistributionRow[], filter: StoryFilter) => {
    box.replaceChildren(...numbers.map((number, i) => {
      const group = story.meta.sizeClasses[i];
      const text = textOf(number, i);
      const {title} = text;
      const own = ownOf(rows, i);
      if (!own.length) return html`<p class="story-figure-aid">${number} (${title}): deze gemeentegrootte is niet geselecteerd.</p>`;
      const [{key, render}] = likertCharts(story, own, text);
      const update = likertUpdate(story, own, filter, text);
      const known = made.get(number);
      if (known) {
        known.chart.draw(key, render);
        known.figure.update(update);
        return known.figure;
      }
      const chart = sizedChart(`${number} 0`, render, key);
      const figure = figureOf(story, {number, title, aid}, chart, update, {query: {kind: "distribution", items, sizes: [group]}});
      made.set(number, {figure, chart});
      return figure;
    }));
  };
  const rows = (filter: StoryFilter) => story.engine.distribution(filter, {items, bySize: true});
  const fail = (error: unknown) => {
    console.error(error);
    for (const {chart} of made.values()) chart.fail(`Deze figuur kon niet opnieuw worden getekend: ${error instanceof Error ? error.message : String(error)}`);
  };
  followFilter(filters, rows, show, fail);
  show(await rows(filters.value), filters.value);
  // A size class's figure seen before is drawn ahead (one not yet seen is made when it is chosen).
  drawAhead(filters, async (next) => {
    const all = await rows(next);
    return numbers.flatMap((number, i) => {
      const chart = made.get(number)?.chart;
      const own = ownOf(all, i);
      if (!chart || !own.length) return [];
      const [{key, render}] = likertCharts(story, own, textOf(number, i));
      return [() => chart.prepare(key, render)];
    });
  });
  return box;
}
