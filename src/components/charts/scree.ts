// A scree plot: observed eigenvalues beside parallel analysis (mean and 95th percentile of random data).
import * as Plot from "@observablehq/plot";
import {formatNumber} from "../format.js";
import {categoricalColors} from "./palette.js";

const nl2 = (v: number) => formatNumber(v, 2);

/** Scree plot: observed eigenvalues against parallel analysis (mean and 95th percentile of random data). */
export function screePlot(series: {k: number; value: number; series: string}[], {width = 640, ariaLabel}: {width?: number; ariaLabel: string}) {
  return Plot.plot({
    width,
    height: 300,
    ariaLabel,
    x: {label: "Factor / component", ticks: series.filter((d) => d.series === series[0].series).map((d) => d.k), tickFormat: "d"},
    y: {label: "Eigenwaarde", grid: true, tickFormat: nl2},
    color: {legend: true, range: categoricalColors},
    marks: [
      Plot.ruleY([1], {stroke: "#999", strokeDasharray: "3,3"}),
      Plot.line(series, {x: "k", y: "value", stroke: "series"}),
      Plot.dot(series, {x: "k", y: "value", stroke: "series", fill: "series", tip: {format: {y: nl2}}})
    ]
  });
}
