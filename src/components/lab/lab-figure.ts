// A lab figure: the story's figure frame (title, reading aid, chart, source, table) with the chart accessibility fix
// applied again whenever resize() redraws a chart inside it. The lab's distribution, interval and weighting figures
// also open as a notebook (the frame's "Open als notebook"), over all respondents: what they count is below.
import {accessibleCharts} from "../charts/accessible.js";
import {storyFigure, type FigureOptions} from "../story/figure.js";
import type {FigureQuery} from "../story/figure-notebook.js";

export function labFigure(options: FigureOptions): HTMLElement {
  return accessibleCharts(storyFigure(options));
}

/** What a lab figure counts, for its notebook. */
export const labNotebookQuery = {
  /** One item's answers per size class and in total (Lab L1, L2). */
  distribution: (item: string): FigureQuery => ({kind: "distribution", items: [item], bySize: true}),
  /** A scale's mean with its interval per size class and in total (Lab O1). */
  intervals: (scale: string): FigureQuery => ({kind: "means", scales: [scale]}),
  /** Every scale's mean unweighted and weighted (Lab S2). */
  weighting: (scales: string[]): FigureQuery => ({kind: "weighting", scales})
};
