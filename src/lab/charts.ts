// Charts of the methodology lab: pure functions (data, {width, ...}) => Plot element, Dutch number format,
// each with an aria-label; the pages put a table beside each chart for screen readers.
import * as Plot from "@observablehq/plot";
import {formatNumber} from "../components/format.js";

const nl2 = (v: number) => formatNumber(v, 2);

/** Categorical colours with at least 3:1 contrast on white (WCAG 1.4.11); Plot's default yellow has 1,9:1. */
export const labPalette = ["#1f6fb4", "#b8520a", "#2e7d32", "#6a3d9a", "#444444"];

export interface MatrixCell {
  row: string;
  column: string;
  value: number;
}

/** Greedy word wrap for axis labels: lines of at most `max` characters joined by "\n" (Plot draws them as lines). */
export function wrapLabel(text: string, max = 26): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > max) (lines.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

export interface HeatmapOptions {
  width?: number;
  rows: string[];
  columns: string[];
  label?: string;
  ariaLabel: string;
  cellHeight?: number;
  marginLeft?: number;
  /** Text of a row's axis label (may contain "\n"); default the row key itself. */
  rowLabel?: (row: string) => string;
  /** Tooltip of a cell; default "row · column: value". */
  cellTitle?: (cell: MatrixCell) => string;
}

/** A diverging heatmap (correlations or loadings), values printed in the cells. */
export function heatmap(cells: MatrixCell[], {width = 640, rows, columns, label = "waarde", ariaLabel, cellHeight, marginLeft = 210, rowLabel, cellTitle}: HeatmapOptions) {
  const lines = rowLabel ? Math.max(1, ...rows.map((r) => rowLabel(r).split("\n").length)) : 1;
  const height = cellHeight ?? Math.max(24, lines * 13 + 8);
  const plotWidth = Math.min(width, marginLeft + columns.length * 90 + 20);
  // values in the cells only where they fit (on a phone a 12 × 12 matrix has cells of ~15 px; the tooltip and table remain)
  const cellWidth = (plotWidth - marginLeft - 20) / columns.length;
  const showValues = cellWidth >= 30;
  return Plot.plot({
    width: plotWidth,
    height: rows.length * height + 70,
    marginLeft,
    marginBottom: 10,
    ariaLabel,
    x: {domain: columns, axis: "top", label: null, tickRotate: Math.max(...columns.map((c) => c.length)) * 6.5 > cellWidth ? -35 : 0},
    y: {domain: rows, label: null, tickFormat: rowLabel},
    color: {type: "diverging", scheme: "rdbu", domain: [-1, 1], legend: true, label, tickFormat: nl2},
    marks: [
      Plot.cell(cells, {x: "column", y: "row", fill: "value", inset: 0.5, tip: {format: {fill: nl2}}, title: cellTitle ?? ((d: MatrixCell) => `${d.row} · ${d.column}: ${nl2(d.value)}`)}),
      showValues ? Plot.text(cells, {x: "column", y: "row", text: (d: MatrixCell) => nl2(d.value), fill: (d: MatrixCell) => (Math.abs(d.value) > 0.55 ? "white" : "black"), fontSize: 10}) : null
    ]
  });
}

/** Scree plot: observed eigenvalues against parallel analysis (mean and 95th percentile of random data). */
export function screePlot(series: {k: number; value: number; series: string}[], {width = 640, ariaLabel}: {width?: number; ariaLabel: string}) {
  return Plot.plot({
    width,
    height: 300,
    ariaLabel,
    x: {label: "Factor / component", ticks: series.filter((d) => d.series === series[0].series).map((d) => d.k), tickFormat: "d"},
    y: {label: "Eigenwaarde", grid: true, tickFormat: nl2},
    color: {legend: true, range: labPalette},
    marks: [
      Plot.ruleY([1], {stroke: "#999", strokeDasharray: "3,3"}),
      Plot.line(series, {x: "k", y: "value", stroke: "series"}),
      Plot.dot(series, {x: "k", y: "value", stroke: "series", fill: "series", tip: {format: {y: nl2}}})
    ]
  });
}

export interface IntervalRow {
  label: string;
  group: string;
  mean: number;
  lower: number;
  upper: number;
}

/** Means with intervals, one row per label, grouped by colour. */
export function intervalChart(rows: IntervalRow[], {width = 640, ariaLabel, xLabel = "Gemiddelde met 95%-interval", domain}: {width?: number; ariaLabel: string; xLabel?: string; domain?: [number, number]}) {
  return Plot.plot({
    width,
    height: 40 + new Set(rows.map((r) => r.label)).size * 28 * Math.max(1, new Set(rows.map((r) => r.group)).size) * 0.6 + 40,
    marginLeft: 110,
    marginRight: 150,
    ariaLabel,
    x: {label: xLabel, tickFormat: nl2, grid: true, domain},
    y: {label: null},
    fy: {label: null, domain: [...new Set(rows.map((r) => r.label))]},
    color: {legend: true, range: labPalette},
    marks: [
      Plot.ruleY(rows, {fy: "label", y: "group", x1: "lower", x2: "upper", stroke: "group", strokeWidth: 2}),
      Plot.dot(rows, {fy: "label", y: "group", x: "mean", fill: "group", r: 4, tip: true, title: (d: IntervalRow) => `${d.label}, ${d.group}: ${nl2(d.mean)} (${nl2(d.lower)} – ${nl2(d.upper)})`})
    ]
  });
}
