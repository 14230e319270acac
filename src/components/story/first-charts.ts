// The first chart of each chapter page, drawn at build time with the default filter (no filter, unweighted),
// so that the page shows it as soon as the HTML arrives; the live chart replaces it once the page's code runs.
// The same pure functions as in the browser: engine-js and model.ts for the numbers, the chart components for the
// SVG, the survey metadata for items, options, the design and the printed numbers.
import {likertChart} from "../charts/likert.js";
import {meansChart} from "../charts/means.js";
import {sharesChart} from "../charts/shares.js";
import {defaultFilter} from "../filters.js";
import type {Respondent} from "../survey/respondent.js";
import {itemsOfFigure, optionsOf, type SurveyMeta} from "../survey/survey-meta.js";
import {countAnswers, scaleMoments} from "./engine-js.js";
import {finishDistribution, finishMeans, TOTAL, type StoryDesign} from "./model.js";
import {tableDistribution, tableMeans, type ProtectedTables} from "./engine-tables.js";

/** Which chart comes first on each chapter page, by the id of its anchor. */
export const FIRST_CHARTS = ["figuur-1", "tabel-1", "figuur-5", "tabel-2", "figuur-7", "tabel-3", "tabel-4", "figuur-10", "tabel-5", "figuur-16"] as const;

export function prerenderFirstChart(id: string, respondents: Respondent[], meta: SurveyMeta, {width = 640, document, tables}: {width?: number; document: Document; tables?: ProtectedTables}): SVGSVGElement {
  const filter = defaultFilter(meta);
  const design: StoryDesign = {sizeClasses: meta.sizeClasses, population: meta.population.sizeClassCounts};
  const labels = Object.fromEntries(meta.items.map((i) => [i.id, i.text]));
  const options = (item: string) => optionsOf(meta, item);
  // Protected publication: the story's numbers are the protected tables, not the synthetic rows.
  const distribution = (items: string[], bySize: boolean) => tables ? tableDistribution(tables, {items, options, filter, design, bySize}) :
    finishDistribution(countAnswers(respondents, {items, weighted: false}), {items, options, filter, design, bySize});
  const means = (tableId: string) => {
    const table = meta.published.tables.find((t) => t.id === tableId);
    if (!table) throw new Error(`invalid table: ${tableId}`);
    const rows = tables ? tableMeans(tables, {scale: table.scale, filter, design}) : finishMeans(scaleMoments(respondents, {scale: table.scale, weighted: false}), {filter, design});
    const printed = meta.provenance.showPrinted ? [...table.rows.map((r) => ({group: r.size_class!, mean: r.mean})), {group: TOTAL, mean: table.total.mean}] : [];
    return meansChart(rows, {width, domain: table.range, printed, document});
  };
  const common = {width, document, labels, legend: false};
  let chart: Element;
  switch (id) {
    case "figuur-1":
      chart = likertChart(distribution(itemsOfFigure(meta, "Figuur 1"), true), {...common, y: "group"});
      break;
    case "figuur-5":
      chart = sharesChart(distribution(itemsOfFigure(meta, "Figuur 5"), true), {width, document, labels, sizeClasses: meta.sizeClasses});
      break;
    case "figuur-7":
      chart = likertChart(distribution(itemsOfFigure(meta, "Figuur 7"), false), common);
      break;
    case "figuur-10":
      chart = likertChart(
        distribution(itemsOfFigure(meta, "Figuur 10"), true).filter((r) => r.group === meta.sizeClasses[0]).map((r) => ({...r, group: TOTAL})),
        {...common, diverging: false}
      );
      break;
    case "figuur-16":
      chart = likertChart(distribution(itemsOfFigure(meta, "Figuur 16"), false), common);
      break;
    case "tabel-1":
    case "tabel-2":
    case "tabel-3":
    case "tabel-4":
    case "tabel-5":
      chart = means(`Tabel ${id.slice(-1)}`);
      break;
    default:
      throw new Error(`invalid first chart: ${id}`);
  }
  const svg = (chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg")) as SVGSVGElement;
  // As an <img>, the SVG does not inherit the page's colours: give it its own for light and dark mode.
  // (inline-prerender.ts drops this style when it puts the SVG inline, where the page's colours apply.)
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.setAttribute("class", "story-prerender-colors");
  style.textContent = `svg{color:#1b1e23;--plot-background:transparent;background:transparent}@media (prefers-color-scheme: dark){svg{color:#e8e8e8}}`;
  svg.insertBefore(style, svg.firstChild);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return svg;
}
