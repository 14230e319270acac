// A scale's mean per size class from several sources side by side (the report's print, the site's data, the
// model's expectation), one symbol per source.
import {categoricalColors} from "../charts/palette.js";
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatNumber} from "../format.js";

export interface ClassMeanPoint {
  sizeClass: string;
  source: string;
  value: number;
}

export function classMeansChart(points: ClassMeanPoint[], {width = 640, sizeClasses}: {width?: number; sizeClasses: string[]}) {
  const sources = [...new Set(points.map((d) => d.source))];
  return accessibleChart(Plot.plot({
    width,
    height: 80 + sizeClasses.length * 30,
    marginLeft: 110,
    marginRight: 20,
    ariaLabel: "Gemiddelde per grootteklasse per bron; de cijfers staan in de tabel.",
    y: {label: null, domain: sizeClasses},
    x: {label: "Gemiddelde", tickFormat: (v: number) => formatNumber(v), grid: true, inset: 10, ticks: width < 500 ? 4 : 8},
    symbol: {legend: true, domain: sources, range: ["circle", "diamond2", "square"]},
    color: {domain: sources, range: ["currentColor", categoricalColors[1], categoricalColors[0]]},
    marks: [Plot.dot(points, {y: "sizeClass", x: "value", symbol: "source", stroke: "source", strokeWidth: 2, r: 5, tip: true, title: (d: ClassMeanPoint) => `${d.sizeClass}, ${d.source}: ${formatNumber(d.value, 3)}`})]
  }));
}
