// Means with their intervals, one row per label (a size class, "Totaal") and one colour per variant
// (with and without the finite population correction, say).
import {categoricalColors} from "../charts/palette.js";
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatNumber} from "../format.js";
import {wrapLabel} from "./wrap-label.js";

/** Categorical colours with at least 3:1 contrast on white (WCAG 1.4.11); Plot's default yellow has 1,9:1. */

export interface IntervalRow {
  label: string;
  group: string;
  mean: number;
  lower: number;
  upper: number;
}

export interface IntervalChartOptions {
  width?: number;
  ariaLabel: string;
  xLabel?: string;
  domain?: [number, number];
}

export function intervalChart(rows: IntervalRow[], {width = 640, ariaLabel, xLabel = "Gemiddelde met 95%-interval", domain}: IntervalChartOptions) {
  const labels = [...new Set(rows.map((r) => r.label))];
  const groups = new Set(rows.map((r) => r.group)).size;
  const narrow = width < 560;
  return accessibleChart(Plot.plot({
    width,
    height: 80 + labels.length * Math.max(28, groups * 18),
    marginLeft: narrow ? 110 : 150,
    marginRight: narrow ? 12 : 30,
    ariaLabel,
    x: {label: xLabel, tickFormat: (v: number) => formatNumber(v), grid: true, domain, ticks: narrow ? 4 : 8},
    y: {label: null, axis: null},
    fy: {label: null, domain: labels, tickFormat: (t: string) => wrapLabel(t, narrow ? 15 : 24)},
    color: {legend: true, range: categoricalColors, domain: [...new Set(rows.map((r) => r.group))]},
    marks: [
      Plot.ruleY(rows, {fy: "label", y: "group", x1: "lower", x2: "upper", stroke: "group", strokeWidth: 2}),
      Plot.dot(rows, {fy: "label", y: "group", x: "mean", fill: "group", r: 4, tip: true, title: (d: IntervalRow) => `${d.label}, ${d.group}: ${formatNumber(d.mean)} (${formatNumber(d.lower)} – ${formatNumber(d.upper)})`})
    ]
  }));
}
