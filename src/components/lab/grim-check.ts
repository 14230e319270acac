// The GRIM test on every mean the report prints in Tables 1 to 5: could this mean exist with this n and this
// number of items? Only printed numbers go in (meta.published), not the site's data.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatNumber} from "../format.js";
import {grim, grimPossibleN, type GrimResult} from "../stats/grim.js";
import type {PublishedNumbers} from "../survey/survey-meta.js";

export interface GrimRow {
  /** "Tabel 5 (peilen)". */
  table: string;
  tableId: string;
  scale: string;
  sizeClass: string;
  mean: number;
  n: number;
  items: number;
  result: GrimResult;
  /** The n's within 3 of the printed one at which the printed mean is possible. */
  nearby: number[];
}

export const TOTAL = "Totaal";

export function grimRows(published: PublishedNumbers): GrimRow[] {
  return published.tables.flatMap((t) => [...t.rows, {...t.total, size_class: TOTAL}].map((r) => {
    const options = {items: t.items, decimals: 2, min: t.range[0], max: t.range[1]};
    const column = (t as {column?: string}).column;
    return {
      table: t.id + (column ? ` (${column})` : ""), tableId: t.id, scale: t.title_nl, sizeClass: r.size_class ?? TOTAL,
      mean: r.mean, n: r.n, items: t.items,
      result: grim(r.mean, {...options, n: r.n}),
      nearby: grimPossibleN(r.mean, {...options, from: Math.max(1, r.n - 3), to: r.n + 3})
    };
  }));
}

export type GrimVerdict = "mogelijk" | "onmogelijk" | "niet toetsbaar";

export function verdict(row: GrimRow): GrimVerdict {
  return !row.result.consistent ? "onmogelijk" : row.result.testable ? "mogelijk" : "niet toetsbaar";
}

/** Short size-class names for narrow cells: "<25.000" -> "<25k", "25.001-50.000" -> "25-50k". */
export function shortClass(sizeClass: string): string {
  return sizeClass.replace(/(\d+)\.000/g, "$1k").replace(/(\d+)\.001/g, "$1").replace(/(\d+)k-/, "$1-");
}

export function grimGridChart(rows: GrimRow[], {width = 640, columns}: {width?: number; columns: string[]}) {
  const narrow = width < 560;
  const tables = [...new Set(rows.map((r) => r.table))];
  return accessibleChart(Plot.plot({
    // On a phone the cells are too narrow for "2,21 (28)": colour only, short column names; the numbers are in the table.
    width,
    height: 80 + tables.length * 42,
    marginLeft: narrow ? 120 : 190,
    ariaLabel: "GRIM-uitslag per tabelcel; de uitslagen staan in de tabel.",
    x: {label: null, domain: columns, axis: "top", tickFormat: narrow ? shortClass : undefined},
    y: {label: null, domain: tables},
    color: {domain: ["mogelijk", "onmogelijk", "niet toetsbaar"], range: ["#3ca951", "#d62728", "#bbbbbb"], legend: true},
    marks: [
      Plot.cell(rows, {x: "sizeClass", y: "table", fill: verdict, inset: 1, tip: true,
        title: (d: GrimRow) => `${d.table}, ${d.sizeClass}: ${formatNumber(d.mean)} (n = ${d.n}, ${d.items} vragen) is ${verdict(d)}`}),
      narrow ? null : Plot.text(rows, {x: "sizeClass", y: "table", text: (d: GrimRow) => `${formatNumber(d.mean)} (${d.n})`, fill: (d: GrimRow) => (d.result.consistent ? "black" : "white")})
    ]
  }));
}

export interface LatticePoint {
  total: number;
  mean: number;
}

/** The possible means S / (n·k) around a printed mean: nine sums centred on the nearest one below it. */
export function grimLattice(row: GrimRow): LatticePoint[] {
  const nk = row.n * row.items;
  return Array.from({length: 9}, (_, i) => row.result.below.total - 4 + i).map((total) => ({total, mean: total / nk}));
}

export function grimLatticeChart(points: LatticePoint[], {width = 640, printed, nk}: {width?: number; printed: number; nk: number}) {
  return accessibleChart(Plot.plot({
    width,
    height: 140,
    ariaLabel: "Rooster van mogelijke gemiddelden rond het afgedrukte gemiddelde.",
    x: {label: "Gemiddelde", tickFormat: (v: number) => formatNumber(v, 3), ticks: width < 560 ? 4 : 8},
    y: {axis: null},
    marks: [
      Plot.rectX([printed], {x1: (d: number) => d - 0.005, x2: (d: number) => d + 0.005, fill: "#d62728", fillOpacity: 0.2}),
      Plot.dot(points, {x: "mean", r: 5, fill: "#1f6fb4", tip: true, title: (d: LatticePoint) => `${d.total} / ${nk} = ${formatNumber(d.mean, 4)}`}),
      Plot.text(points, {x: "mean", text: (d: LatticePoint) => String(d.total), dy: -12, fill: "currentColor"})
    ]
  }));
}
