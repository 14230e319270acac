// Diverging stacked bars for ordered answers (Likert items): the low answers to the left of zero, the high answers
// to the right, a neutral middle answer split over both sides. One bar per item or per group.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import {formatPercent} from "../format.js";
import {SUPPRESSED_TEXT, type DistributionRow} from "../story/model.js";
import {orderedColors} from "./palette.js";

export interface LikertOptions {
  /** A DOM document for rendering outside the browser (build-time prerendering with jsdom). */
  document?: Document;
  /** Show the colour legend (an HTML element next to the SVG; off for a bare SVG). */
  legend?: boolean;
  width?: number;
  /** What one bar stands for: an item (its text from `labels`) or a group (size class / Totaal). */
  y?: "item_id" | "group";
  /** Bar labels by item id (for y = "item_id"). */
  labels?: Record<string, string>;
  /** false: a plain 100% stacked bar from the left (for scales without a natural midpoint). */
  diverging?: boolean;
  /** Plot's aria-label for the SVG. */
  ariaLabel?: string;
}

export interface LikertSegment extends DistributionRow {
  key: string;
  x1: number;
  x2: number;
}

/** Places each answer share on the x axis: returns one segment per answer with x1 < x2, in percent of 1. */
export function likertLayout(rows: DistributionRow[], {y = "item_id", diverging = true}: Pick<LikertOptions, "y" | "diverging"> = {}): LikertSegment[] {
  const bars = new Map<string, DistributionRow[]>();
  for (const row of rows) {
    if (row.suppressed) continue;
    const key = row[y];
    bars.set(key, [...(bars.get(key) ?? []), row]);
  }
  const segments: LikertSegment[] = [];
  for (const [key, answers] of bars) {
    answers.sort((a, b) => a.code - b.code);
    const k = answers.length;
    const shares = answers.map((a) => a.share ?? 0);
    // Where the bar starts: minus the low answers, minus half the neutral answer (odd k).
    let start = 0;
    if (diverging) {
      const half = Math.floor(k / 2);
      start = -shares.slice(0, half).reduce((a, b) => a + b, 0) - (k % 2 ? shares[half] / 2 : 0);
    }
    let x = start;
    answers.forEach((answer, i) => {
      segments.push({...answer, key, x1: x, x2: x + shares[i]});
      x += shares[i];
    });
  }
  return segments;
}

/** Rough number of text lines a label needs at `chars` characters per line. */
function lineCount(text: string, chars: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (used && used + 1 + word.length > chars) {
      lines++;
      used = word.length;
    } else used += (used ? 1 : 0) + word.length;
  }
  return lines;
}

export function likertChart(rows: DistributionRow[], {width = 640, y = "item_id", labels = {}, diverging = true, ariaLabel, document, legend = true}: LikertOptions = {}) {
  const segments = likertLayout(rows, {y, diverging});
  const keys = [...new Set(rows.map((r) => r[y]))];
  const suppressed = [...new Set(rows.filter((r) => r.suppressed).map((r) => r[y]))];
  const answerLabels = [...new Map(rows.map((r) => [r.code, r.label])).entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
  const colors = orderedColors(answerLabels.length);
  const labelOf = (key: string) => (y === "item_id" ? labels[key] ?? key : key);
  // Item texts are long: each sits on its own line(s) above its bar, wrapped to the chart's width, so that the
  // bars keep the full width on a phone. Group names (size classes) are short and stay on the left axis.
  const above = y === "item_id";
  const marginLeft = above ? 8 : width < 560 ? 96 : 112;
  const fontSize = 12;
  const chars = Math.max(20, Math.floor((width - marginLeft - 16) / (fontSize * 0.55)));
  const lines = above ? Math.max(...keys.map((k) => lineCount(labelOf(k), chars))) : 0;
  const bar = 24;
  const band = bar + (above ? lines * 15 + 6 : 10);
  const [lo, hi] = diverging ? [Math.min(-0.5, ...segments.map((s) => s.x1)), Math.max(0.5, ...segments.map((s) => s.x2))] : [0, 1];
  const plotWidth = width - marginLeft - 16;
  return accessibleChart(Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: keys.length * band + 50,
    marginLeft,
    marginRight: 16,
    marginTop: 10,
    ariaLabel,
    x: {domain: [lo, hi], tickFormat: (d: number) => formatPercent(Math.abs(d)), label: diverging ? "← lager · aandeel antwoorden · hoger →" : "aandeel antwoorden →", labelAnchor: "center", ticks: width < 560 ? 4 : 8},
    // One band of `band` pixels per bar; the bar fills its lower `bar` pixels, the label the space above it.
    y: {domain: keys, label: null, axis: above ? null : "left", tickFormat: labelOf, range: [10, 10 + keys.length * band], padding: 0},
    color: {domain: answerLabels, range: colors, legend, label: "Antwoord"},
    marks: [
      above
        ? Plot.text(keys, {x: lo, y: (d: string) => d, text: labelOf, textAnchor: "start", lineAnchor: "bottom", dy: band / 2 - bar - 10, lineWidth: chars * 0.55, fontSize, fill: "currentColor"})
        : null,
      Plot.barX(segments, {
        x1: "x1",
        x2: "x2",
        y: "key",
        fill: "label",
        insetTop: band - bar - 2,
        insetBottom: 2,
        title: (d: LikertSegment) => `${labelOf(d.key)}\n${d.label}: ${formatPercent(d.share)} (${d.count} van ${d.n})`,
        tip: true
      }),
      Plot.text(segments, {
        filter: (d: LikertSegment) => (d.x2 - d.x1) * plotWidth / (hi - lo) > 30,
        x: (d: LikertSegment) => (d.x1 + d.x2) / 2,
        y: "key",
        dy: (band - bar) / 2,
        text: (d: LikertSegment) => formatPercent(d.share),
        // White on the dark ends of the scale, black on the light middle colours.
        fill: (d: LikertSegment) => (isDark(colors[answerLabels.indexOf(d.label)]) ? "white" : "black"),
        fontSize: 11,
        pointerEvents: "none"
      }),
      // Marks without data are left out: each mark costs its render on every filter change.
      suppressed.length === 0 ? null : Plot.text(suppressed, {x: 0, y: (d: string) => d, dy: (band - bar) / 2, text: () => SUPPRESSED_TEXT, textAnchor: diverging ? "middle" : "start", dx: diverging ? 0 : 4, fill: "currentColor", fontStyle: "italic"}),
      // The zero line only through the bars, not through the labels above them.
      diverging ? Plot.tickX(keys, {x: () => 0, y: (d: string) => d, stroke: "currentColor", insetTop: band - bar - 4}) : null
    ]
  }));
}

/** Is a #rrggbb colour dark enough to need white text on it? (relative luminance below 0.2) */
export function isDark(color: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
}
