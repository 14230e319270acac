// Percentages by size class: one panel per item, one bar per size class (and the total), e.g. the share of
// municipalities with a knowledge desk (Figure 5).
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import {formatPercent} from "../format.js";
import {SUPPRESSED_TEXT, TOTAL, type DistributionRow} from "../story/model.js";
import {sizeClassColors, totalColor} from "./palette.js";

export interface SharesOptions {
  /** A DOM document for rendering outside the browser (build-time prerendering with jsdom). */
  document?: Document;
  /** Show the colour legend (an HTML element next to the SVG; off for a bare SVG). */
  legend?: boolean;
  width?: number;
  /** The answer code whose share is shown (1 = Ja). */
  code?: number;
  labels?: Record<string, string>;
  /** Every size class of the survey, in order: a size class keeps its colour whichever classes are selected. */
  sizeClasses?: readonly string[];
  ariaLabel?: string;
}

export function sharesChart(rows: DistributionRow[], {width = 640, code = 1, labels = {}, sizeClasses, ariaLabel, document}: SharesOptions = {}) {
  const data = rows.filter((r) => r.code === code);
  const groups = [...new Set(data.map((r) => r.group))];
  const items = [...new Set(data.map((r) => r.item_id))];
  const narrow = width < 560;
  const labelOf = (id: string) => labels[id] ?? id;
  const hiddenBars = data.filter((d) => d.suppressed);
  return accessibleChart(Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: items.length * (groups.length * 22 + 40) + 60,
    marginTop: 30,
    marginLeft: narrow ? 100 : 120,
    marginRight: 40,
    ariaLabel,
    x: {domain: [0, 1], tickFormat: (d: number) => formatPercent(d), label: "aandeel gemeenten →", grid: true, ticks: narrow ? 4 : 10},
    y: {domain: groups, label: null, padding: 0.15},
    fy: {domain: items, label: null, axis: null, padding: 0.35},
    color: {domain: groups, range: groups.map((g, i) => (g === TOTAL ? totalColor : sizeClassColors[Math.max(0, sizeClasses?.indexOf(g) ?? i) % sizeClassColors.length]))},
    marks: [
      // Each panel's title (the facility) above its bars, from the left edge of the chart.
      Plot.text(items, {fy: (d: string) => d, text: labelOf, frameAnchor: "top-left", dx: -(narrow ? 100 : 120), dy: -16, fontWeight: "bold", fontSize: 12, fill: "currentColor"}),
      Plot.barX(data.filter((d) => !d.suppressed), {
        x: "share",
        y: "group",
        fy: "item_id",
        fill: "group",
        title: (d: DistributionRow) => `${labelOf(d.item_id)}\n${d.group}: ${formatPercent(d.share)} (${d.count} van ${d.n})`,
        tip: true
      }),
      Plot.text(data.filter((d) => !d.suppressed), {x: "share", y: "group", fy: "item_id", text: (d: DistributionRow) => formatPercent(d.share), textAnchor: "start", dx: 4, fill: "currentColor", fontSize: 11}),
      // Marks without data are left out: each mark costs its render on every filter change.
      hiddenBars.length === 0 ? null : Plot.text(hiddenBars, {x: 0, y: "group", fy: "item_id", text: () => SUPPRESSED_TEXT, textAnchor: "start", dx: 4, fontStyle: "italic", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  }));
}

export {TOTAL};
