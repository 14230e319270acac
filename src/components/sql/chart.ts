// "Chart this": a sensible Observable Plot for a query result, chosen from the column kinds,
// with x, y and colour the reader can change. Pure: (rows, spec, {width}) => SVG/figure element.
import * as Plot from "@observablehq/plot";
import type {ResultColumn} from "./columns.js";

export type ChartMark = "bar" | "count" | "histogram" | "dot" | "line";

export interface ChartSpec {
  mark: ChartMark;
  x: string;
  /** The measure; null for marks that count rows (count, histogram). */
  y: string | null;
  color: string | null;
}

/** Numeric columns that are usually codes or identifiers rather than something to plot. */
const codeLike = /^(code|id|.*_id|item_order|respondent_id)$/i;

/**
 * The chart that suits the result's columns:
 * a category and a number → bars; a date and a number → a line; two numbers → dots;
 * one number → a histogram; only categories → bars counting rows. Null when nothing can be drawn.
 * A second category column, when there is one, becomes the colour.
 */
export function inferChart(columns: ResultColumn[]): ChartSpec | null {
  const numbers = columns.filter((c) => c.kind === "number");
  const measures = numbers.filter((c) => !codeLike.test(c.name));
  const categories = columns.filter((c) => c.kind === "category");
  const dates = columns.filter((c) => c.kind === "date");
  const measure = (measures[0] ?? numbers[0])?.name ?? null;
  const color = categories[1]?.name ?? null;
  if (dates.length && measure) return {mark: "line", x: dates[0].name, y: measure, color: categories[0]?.name ?? null};
  if (categories.length && measure) return {mark: "bar", x: categories[0].name, y: measure, color};
  if (numbers.length >= 2) {
    const [x, y] = measures.length >= 2 ? measures : numbers;
    return {mark: "dot", x: x.name, y: y.name, color: null};
  }
  if (numbers.length === 1) return {mark: "histogram", x: numbers[0].name, y: null, color: null};
  if (categories.length) return {mark: "count", x: categories[0].name, y: null, color};
  return null;
}

/** Checks a spec against the columns, e.g. after the reader picked another x; throws with a Dutch message. */
export function validateChart(spec: ChartSpec, columns: ResultColumn[]): ChartSpec {
  const names = new Set(columns.map((c) => c.name));
  for (const channel of ["x", "y", "color"] as const) {
    const name = spec[channel];
    if (name !== null && !names.has(name)) throw new Error(`onbekende kolom voor ${channel}: ${name}`);
  }
  if ((spec.mark === "bar" || spec.mark === "dot" || spec.mark === "line") && spec.y === null) throw new Error(`een ${spec.mark}-grafiek heeft een y-kolom nodig`);
  switch (spec.mark) {
    case "bar":
    case "count":
    case "histogram":
    case "dot":
    case "line":
      return spec;
    default:
      throw new Error(`ongeldig grafiektype: ${(spec as ChartSpec).mark}`);
  }
}

/** Font size of the chart's text in pixels (Plot's lineWidth is in ems of this size). */
/** The charts' font size in px (also the notebook's facet labels). */
export const fontSize = 13;
const dutch = new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 2});
const tickFormat = (d: unknown) => (typeof d === "number" ? dutch.format(d) : String(d));

/**
 * Whether category labels are many, long, or too wide to stand side by side under vertical bars at this width
 * (a character is about 0.6 em), so that horizontal bars read better.
 */
function horizontal(rows: Record<string, unknown>[], x: string, width: number): boolean {
  const labels = new Set(rows.map((r) => String(r[x])));
  const longest = Math.max(0, ...[...labels].map((l) => l.length));
  const band = (width - 80) / Math.max(1, labels.size);
  return labels.size > 8 || longest > 14 || longest * 0.6 * fontSize > 0.9 * band;
}

/** The Plot options for `spec`; split from chartResult so that tests can look at the marks without a DOM. */
export function chartOptions(rows: Record<string, unknown>[], spec: ChartSpec, {width = 640, height}: {width?: number; height?: number} = {}): Plot.PlotOptions {
  const {x, y, color} = spec;
  const base: Plot.PlotOptions = {width, height, marginLeft: 60, color: color ? {legend: true} : undefined, style: {fontSize: `${fontSize}px`}};
  switch (spec.mark) {
    case "bar":
    case "count": {
      const sideways = horizontal(rows, x, width);
      // Categories in the order the query gave them (ORDER BY), not alphabetically.
      const domain = [...new Set(rows.map((r) => r[x]))];
      const reduce = spec.mark === "count" ? {[sideways ? "x" : "y"]: "count"} : null;
      const channels = sideways ? {y: x, x: y ?? undefined, fill: color ?? undefined} : {x, y: y ?? undefined, fill: color ?? undefined};
      const bars = sideways
        ? Plot.barX(rows, reduce ? Plot.groupY(reduce as never, {...channels, tip: true}) : {...channels, tip: true})
        : Plot.barY(rows, reduce ? Plot.groupX(reduce as never, {...channels, tip: true}) : {...channels, tip: true});
      const colorDomain = color ? {color: {legend: true, domain: [...new Set(rows.map((r) => r[color]))]}} : {};
      if (!sideways) {
        return {...base, ...colorDomain, x: {label: x, domain, tickFormat}, y: {label: y ?? "aantal rijen", grid: true, tickFormat}, marks: [bars, Plot.ruleY([0])]} as Plot.PlotOptions;
      }
      // Long labels: a left margin of at most 40% of the width, labels wrapped to fit it (lineWidth is in ems).
      const longest = Math.max(...domain.map((d) => String(d).length));
      const marginLeft = Math.round(Math.min(0.4 * width, 12 + 7 * longest));
      const lineWidth = (marginLeft - 12) / fontSize;
      const lines = Math.max(...domain.map((d) => Math.ceil((String(d).length * 0.6) / lineWidth)));
      return {
        ...base,
        ...colorDomain,
        marginLeft,
        height: height ?? Math.max(120, (16 + 14 * Math.min(lines, 6)) * domain.length + 60),
        y: {label: null, domain},
        x: {label: y ?? "aantal rijen", grid: true, tickFormat},
        marks: [Plot.axisY({lineWidth, tickFormat, label: null} as Plot.AxisOptions), bars, Plot.ruleX([0])]
      } as Plot.PlotOptions;
    }
    case "histogram":
      return {...base, x: {label: x, tickFormat}, y: {label: "aantal rijen", grid: true, tickFormat}, marks: [Plot.rectY(rows, Plot.binX({y: "count"}, {x, fill: color ?? undefined, tip: true} as Plot.RectYOptions as never)), Plot.ruleY([0])]};
    case "dot":
      return {...base, grid: true, x: {label: x, tickFormat}, y: {label: y!, tickFormat}, marks: [Plot.dot(rows, {x, y: y!, stroke: color ?? undefined, tip: true})]};
    case "line":
      return {...base, grid: true, x: {label: x}, y: {label: y!, tickFormat}, marks: [Plot.lineY(rows, {x, y: y!, stroke: color ?? undefined, tip: true})]};
    default:
      throw new Error(`ongeldig grafiektype: ${(spec as ChartSpec).mark}`);
  }
}

/** The chart itself: `chartResult(rows, spec, {width})`. */
export function chartResult(rows: Record<string, unknown>[], spec: ChartSpec, options: {width?: number; height?: number} = {}): SVGSVGElement | HTMLElement {
  return Plot.plot(chartOptions(rows, spec, options));
}

/** Dutch names of the marks, for the chart-type menu. */
export const chartMarkLabels: Record<ChartMark, string> = {
  bar: "staven (categorie × getal)",
  count: "staven (aantal rijen per categorie)",
  histogram: "histogram (één getal)",
  dot: "punten (twee getallen)",
  line: "lijn (datum × getal)"
};
