// The reconstruction's invented loadings: one bar per item on its topic's factor, the shade alternating per topic.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatNumber} from "../format.js";

export interface DesignLoading {
  label: string;
  topic: string;
  shade: "oneven" | "even";
  loading: number;
}

/** Loadings by item in questionnaire order; items the design does not know are left out. */
export function designLoadings(items: readonly {id: string; shortLabel: string; topic: string}[], loadings: Readonly<Record<string, number>>, topics: Readonly<Record<string, string>>): DesignLoading[] {
  const order = [...new Set(items.map((i) => i.topic))];
  return items.filter((i) => i.id in loadings).map((i) => ({
    label: i.shortLabel, topic: topics[i.topic] ?? i.topic, shade: order.indexOf(i.topic) % 2 ? "even" : "oneven", loading: loadings[i.id]
  }));
}

export function designLoadingsChart(rows: DesignLoading[], {width = 640}: {width?: number} = {}) {
  const narrow = width < 600;
  return accessibleChart(Plot.plot({
    width,
    height: 40 + rows.length * 16,
    marginLeft: narrow ? 150 : 230,
    ariaLabel: "Verzonnen ladingen per vraag; de waarden staan in de tabel.",
    color: {domain: ["oneven", "even"], range: ["#1f6fb4", "#7fb0dc"]},
    x: {domain: [0, 1], label: "Lading (verzonnen)", tickFormat: (v: number) => formatNumber(v, 1), grid: true, ticks: narrow ? 5 : 10},
    y: {label: null, domain: rows.map((d) => d.label)},
    marks: [Plot.barX(rows, {y: "label", x: "loading", fill: "shade", tip: true, title: (d: DesignLoading) => `${d.label} (${d.topic}): ${formatNumber(d.loading)}`})]
  }));
}
