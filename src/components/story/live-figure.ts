// A story figure that follows the page's filter form by itself. A filter change redraws it in the input event's own
// task: its numbers are finished by the engine (kept raw aggregates, so a few hundred additions), its charts drawn
// by Plot at the width they already have, and only the parts of the figure the filter changes are touched (n line,
// table, links). Waiting for Framework's runtime instead would start this work only in the next animation frame
// and show it one frame later; the cells that read `view(form)` (the prose numbers) still recompute there. The
// charts of the filters one click away are drawn ahead while the reader reads (draw-ahead.ts).
import {onFilterChange, type FilterForm} from "../filters.js";
import {drawAhead} from "./draw-ahead.js";
import type {FigureUpdate, StoryFigure} from "./figure.js";
import type {StoryFilter} from "./model.js";
import {sizedChart, type SizedChart} from "./sized-chart.js";

/** One chart of a figure for one filter: the key of its data (an unchanged key is not drawn again) and how to draw it. */
export interface ChartView {
  key: string;
  render: (width: number) => Node;
}

export interface LiveFigureOptions<R> {
  /** The figure's id on the page ("Figuur 3"): its charts keep their width under it. */
  id: string;
  /** The figure's numbers for a filter (the engine's answer). */
  rows: (filter: StoryFilter) => Promise<R> | R;
  /** The figure's charts for those numbers; only draws when asked, so that they can be drawn ahead. */
  charts: (rows: R, filter: StoryFilter) => ChartView[];
  /** What else the figure shows for those numbers (n line, table, ...), when the filter is chosen. */
  update: (rows: R, filter: StoryFilter) => FigureUpdate;
  /** Builds the figure once, around its charts, for the first filter. */
  figure: (charts: SizedChart[], first: FigureUpdate) => StoryFigure;
}

/**
 * Calls `apply` with the answer of `compute` for every new filter of the form. The JavaScript engine answers in
 * promises that are already settled, so `apply` runs in the same task; an answer that arrives after a newer filter
 * was chosen is dropped.
 */
export function followFilter<R>(
  form: FilterForm,
  compute: (filter: StoryFilter) => Promise<R> | R,
  apply: (value: R, filter: StoryFilter) => void,
  fail: (error: unknown) => void = (error) => console.error(error)
): void {
  let latest = 0;
  onFilterChange(form, async (filter) => {
    const mine = ++latest;
    redrawing++;
    try {
      const value = await compute(filter);
      if (mine === latest) apply(value, filter);
    } catch (error) {
      if (mine === latest) fail(error);
    } finally {
      if (--redrawing === 0) layOutNow();
    }
  });
}

/** Figures still redrawing for the latest filter change. */
let redrawing = 0;

/**
 * Once every figure is redrawn, the page is laid out at once, still in the input event's task, while the browser
 * waits for its next frame anyway: that frame then only lays out the prose numbers the runtime updates in it, and
 * paints. (Reading a layout value makes the browser compute style and layout now.)
 */
function layOutNow(): void {
  if (typeof document !== "undefined") void document.documentElement.getBoundingClientRect();
}

/** A figure drawn for the form's filter, that redraws itself on every change of it. */
export async function liveFigure<R>(form: FilterForm, {id, rows, charts: chartsOf, update, figure}: LiveFigureOptions<R>): Promise<StoryFigure> {
  let made: {figure: StoryFigure; charts: SizedChart[]} | null = null;
  let pending: {value: R; filter: StoryFilter} | null = null;
  const show = (value: R, filter: StoryFilter) => {
    if (!made) return void (pending = {value, filter});
    chartsOf(value, filter).forEach((chart, i) => made!.charts[i].draw(chart.key, chart.render));
    made.figure.update(update(value, filter));
  };
  // A filter whose numbers cannot be had shows why in place of the charts, never the charts of the previous filter.
  const fail = (error: unknown) => {
    console.error(error);
    const message = `Deze figuur kon niet opnieuw worden getekend: ${error instanceof Error ? error.message : String(error)}`;
    made?.charts.forEach((chart) => chart.fail(message));
  };
  // Listen before the first answer is awaited, so that a change in between is not lost.
  followFilter(form, rows, show, fail);
  const filter = form.value;
  const value = await rows(filter);
  const charts = chartsOf(value, filter).map((chart, i) => sizedChart(`${id} ${i}`, chart.render, chart.key));
  made = {figure: figure(charts, update(value, filter)), charts};
  // A change while the first answer was awaited: show it now.
  const missed = pending as {value: R; filter: StoryFilter} | null;
  if (missed) show(missed.value, missed.filter);
  drawAhead(form, async (next) => {
    const value = await rows(next);
    return chartsOf(value, next).map((chart, i) => () => charts[i].prepare(chart.key, chart.render));
  });
  return made.figure;
}

/** The key of a chart's data: equal data, equal key. */
export const dataKey = (data: unknown): string => JSON.stringify(data);
