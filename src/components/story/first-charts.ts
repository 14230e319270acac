// The first chart of each chapter page, drawn at build time with the default filter (no filter, unweighted),
// so that the page shows it as soon as the HTML arrives; the live chart replaces it once the page's code runs.
// The same pure functions as in the browser: engine-js for the numbers, the chart components for the SVG.
import {likertChart} from "../charts/likert.js";
import {meansChart} from "../charts/means.js";
import {sharesChart} from "../charts/shares.js";
import {countAnswers, scaleMoments} from "./engine-js.js";
import {DEFAULT_FILTER, finishDistribution, finishMeans, groupsOf, type Respondent, type ResponseOption} from "./model.js";

export interface PrerenderMeta {
  items: {id: string; figure: string; response_scale: string; text_nl: string}[];
  response_scales: Record<string, {options: ResponseOption[]}>;
  published: {tables: {id: string; scale: string; range: [number, number]; rows: {size_class: string; mean: number}[]; total: {mean: number}}[]};
}

/** Which chart comes first on each chapter page, by the id of its anchor. */
export const FIRST_CHARTS = ["figuur-1", "tabel-1", "figuur-5", "tabel-2", "figuur-7", "tabel-3", "tabel-4", "figuur-10", "tabel-5", "figuur-16"] as const;

export function prerenderFirstChart(id: string, respondents: Respondent[], meta: PrerenderMeta, {width = 640, document}: {width?: number; document: Document}): SVGSVGElement {
  const filter = DEFAULT_FILTER;
  const labels = Object.fromEntries(meta.items.map((i) => [i.id, i.text_nl]));
  const scaleOf = new Map(meta.items.map((i) => [i.id, i.response_scale]));
  const options = (item: string) => meta.response_scales[scaleOf.get(item)!].options;
  const itemsOf = (figure: string) => meta.items.filter((i) => i.figure === figure).map((i) => i.id);
  const distribution = (items: string[], bySize: boolean) => finishDistribution(countAnswers(respondents, filter, {items, bySize}), {items, options, groups: groupsOf(filter, bySize)});
  const means = (tableId: string) => {
    const table = meta.published.tables.find((t) => t.id === tableId)!;
    const rows = finishMeans(scaleMoments(respondents, filter, {scale: table.scale}), groupsOf(filter, true));
    const printed = [...table.rows.map((r) => ({group: r.size_class, mean: r.mean})), {group: "Totaal", mean: table.total.mean}];
    return meansChart(rows, {width, domain: table.range, printed, document});
  };
  const common = {width, document, labels, legend: false};
  let chart: Element;
  switch (id) {
    case "figuur-1":
      chart = likertChart(distribution(["uit_traditioneel"], true), {...common, y: "group"});
      break;
    case "figuur-5":
      chart = sharesChart(distribution(itemsOf("Figuur 5"), true), {width, document, labels});
      break;
    case "figuur-7":
      chart = likertChart(distribution(itemsOf("Figuur 7"), false), common);
      break;
    case "figuur-10":
      chart = likertChart(
        distribution(itemsOf("Figuur 10-13"), true).filter((r) => r.group === "<25.000").map((r) => ({...r, group: "Totaal"})),
        {...common, diverging: false}
      );
      break;
    case "figuur-16":
      chart = likertChart(distribution(itemsOf("Figuur 16"), false), common);
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
