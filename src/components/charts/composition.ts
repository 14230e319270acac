// The sample against all municipalities: per size class the share of respondents and the share of all 352.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import {referenceColor, seriesColor} from "./palette.js";
import {formatPercent} from "../format.js";

export interface CompositionRow {
  size_class: string;
  /** "Respondenten" or "Alle gemeenten". */
  set: string;
  count: number;
  share: number;
}

export function compositionChart(rows: CompositionRow[], {width = 640, ariaLabel}: {width?: number; ariaLabel?: string} = {}) {
  const sets = [...new Set(rows.map((r) => r.set))];
  return accessibleChart(Plot.plot({
    width,
    height: 260,
    marginLeft: 110,
    marginRight: 50,
    ariaLabel,
    x: {domain: [0, 0.5], tickFormat: (d: number) => formatPercent(d), label: "aandeel →", grid: true, ticks: width < 560 ? 3 : 6},
    y: {domain: sets, axis: null},
    fy: {label: null, domain: [...new Set(rows.map((r) => r.size_class))]},
    color: {domain: sets, range: [seriesColor, referenceColor], legend: true},
    marks: [
      Plot.barX(rows, {x: "share", y: "set", fy: "size_class", fill: "set", title: (d: CompositionRow) => `${d.size_class}, ${d.set}: ${formatPercent(d.share, 1)} (${d.count})`, tip: true}),
      Plot.text(rows, {x: "share", y: "set", fy: "size_class", text: (d: CompositionRow) => formatPercent(d.share, 1), textAnchor: "start", dx: 4, fill: "currentColor", fontSize: 11}),
      Plot.ruleX([0])
    ]
  }));
}
