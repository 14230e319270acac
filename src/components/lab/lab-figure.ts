// A lab figure: the story's figure frame (title, reading aid, chart, source, table) with the chart accessibility fix
// applied again whenever resize() redraws a chart inside it.
import {accessibleCharts} from "../charts/accessible.js";
import {storyFigure, type FigureOptions} from "../story/figure.js";

export function labFigure(options: FigureOptions): HTMLElement {
  return accessibleCharts(storyFigure(options));
}
