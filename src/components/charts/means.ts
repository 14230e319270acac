// Means with their 95% intervals, one row per size class and the total, on the scale's full range.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import {formatNumber} from "../format.js";
import {SUPPRESSED_TEXT, TOTAL, type MeanRow} from "../story/model.js";
import {emphasisColor, seriesColor} from "./palette.js";

export interface MeansOptions {
  /** A DOM document for rendering outside the browser (build-time prerendering with jsdom). */
  document?: Document;
  /** Show the colour legend (an HTML element next to the SVG; off for a bare SVG). */
  legend?: boolean;
  width?: number;
  /** The scale's answer range, e.g. [1, 4]. */
  domain?: [number, number];
  /** The report's printed means by group, drawn as open diamonds for comparison. */
  printed?: {group: string; mean: number}[];
  ariaLabel?: string;
}

export function meansChart(rows: MeanRow[], {width = 640, domain = [1, 4], printed = [], ariaLabel, document, legend = true}: MeansOptions = {}) {
  const shown = rows.filter((r) => !r.suppressed && r.mean != null);
  const hidden = rows.filter((r) => r.suppressed || r.mean == null);
  const groups = rows.map((r) => r.group);
  const narrow = width < 560;
  const printedShown = printed.filter((p) => groups.includes(p.group));
  return accessibleChart(Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: groups.length * 40 + 60,
    marginLeft: narrow ? 100 : 120,
    marginRight: 20,
    ariaLabel,
    x: {domain, label: "gemiddelde score met 95%-interval →", tickFormat: (d: number) => formatNumber(d, 1), grid: true, ticks: domain[1] - domain[0] + 1},
    y: {domain: groups, label: null, tickFormat: (g: string) => (g === TOTAL ? "Totaal" : g)},
    marks: [
      Plot.ruleY(shown, {x1: "low", x2: "high", y: "group", strokeWidth: 2, stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.dot(shown, {
        x: "mean",
        y: "group",
        r: 5,
        fill: (d: MeanRow) => (d.group === TOTAL ? emphasisColor : seriesColor),
        title: (d: MeanRow) => `${d.group}: ${formatNumber(d.mean)} (95%-interval ${formatNumber(d.low)} – ${formatNumber(d.high)}; n = ${d.n})`,
        tip: true
      }),
      // Marks without data are left out: each mark costs its render on every filter change.
      printedShown.length === 0 ? null : Plot.dot(printedShown, {x: "mean", y: "group", symbol: "diamond", r: 6, stroke: "currentColor", fill: "none", title: (p: {group: string; mean: number}) => `Rapport: ${formatNumber(p.mean)}`}),
      Plot.text(shown, {x: "mean", y: "group", text: (d: MeanRow) => formatNumber(d.mean), dy: -12, fontSize: 11, fill: "currentColor"}),
      hidden.length === 0 ? null : Plot.text(hidden, {x: domain[0], y: "group", text: () => SUPPRESSED_TEXT, textAnchor: "start", dx: 4, fontStyle: "italic", fill: "currentColor"})
    ]
  }));
}
