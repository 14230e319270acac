// Scale means side by side in two or more variants (unweighted as the report prints them, weighted), one row per scale.
import {categoricalColors} from "../charts/palette.js";
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatNumber} from "../format.js";
import {wrapLabel} from "./wrap-label.js";

export interface ScaleMeanPoint {
  scale: string;
  variant: string;
  value: number;
}

export function scaleMeansChart(points: ScaleMeanPoint[], {width = 640, ariaLabel}: {width?: number; ariaLabel: string}) {
  const narrow = width < 600;
  const variants = [...new Set(points.map((d) => d.variant))];
  return accessibleChart(Plot.plot({
    width,
    height: 60 + new Set(points.map((d) => d.scale)).size * (narrow ? 44 : 36),
    marginLeft: narrow ? 130 : 220,
    ariaLabel,
    x: {label: "Gemiddelde", tickFormat: (v: number) => formatNumber(v), grid: true, ticks: narrow ? 4 : 8},
    y: {label: null, domain: [...new Set(points.map((d) => d.scale))], tickFormat: (t: string) => wrapLabel(t, narrow ? 18 : 40)},
    color: {legend: true, domain: variants, range: [categoricalColors[1], categoricalColors[0], ...categoricalColors.slice(2)]},
    symbol: {domain: variants, range: ["circle", "diamond2", "square", "triangle"]},
    marks: [Plot.dot(points, {y: "scale", x: "value", stroke: "variant", symbol: "variant", strokeWidth: 2, r: 5, tip: true, title: (d: ScaleMeanPoint) => `${d.scale}, ${d.variant.toLowerCase()}: ${formatNumber(d.value)}`})]
  }));
}
