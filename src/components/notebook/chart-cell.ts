// A chart cell drawn with the project's chart components: bars, dots and lines with the SQL workbench's chart
// (src/components/sql/chart.ts), a diverging Likert bar with likertChart, a mean with its interval with meansChart.
// Declarative only: the cell names columns of its source's rows, and nothing in it is ever run as code.
import * as Plot from "@observablehq/plot";
import {likertChart} from "../charts/likert.js";
import {meansChart} from "../charts/means.js";
import {chartOptions, fontSize} from "../sql/chart.js";
import type {DistributionRow, MeanRow} from "../story/model.js";
import type {ChartCell} from "./notebook.js";

export type Row = Record<string, unknown>;

export interface ChartCellOptions {
  width?: number;
  /** A DOM document for rendering outside the browser (tests, build time). */
  document?: Document;
}

/** Rows in the cell's order: by the x or y column, "-" for descending; the query's own order otherwise. */
export function sortedRows(rows: readonly Row[], cell: Pick<ChartCell, "x" | "y" | "sort">): Row[] {
  if (!cell.sort) return [...rows];
  const column = cell.sort.endsWith("x") ? cell.x : cell.y;
  if (!column) return [...rows];
  const sign = cell.sort.startsWith("-") ? -1 : 1;
  const key = (r: Row) => r[column];
  return [...rows].sort((a, b) => {
    const [p, q] = [key(a), key(b)];
    if (p == null || q == null) return p == null ? (q == null ? 0 : 1) : -1;
    return sign * (typeof p === "number" && typeof q === "number" ? p - q : String(p).localeCompare(String(q), "nl"));
  });
}

/** Checks that the cell's columns exist in the rows; a Dutch error naming the column otherwise. */
export function checkColumns(rows: readonly Row[], cell: ChartCell): void {
  if (rows.length === 0) return;
  const names = new Set(Object.keys(rows[0]));
  const needed: [string, string | undefined][] = [["x", cell.x], ["y", cell.y], ["kleur", cell.color], ["facet", cell.facet]];
  if (cell.mark === "mean-interval") needed.push(["ondergrens", "lower"], ["bovengrens", "upper"]);
  for (const [channel, column] of needed) {
    if (column !== undefined && !names.has(column)) throw new Error(`Grafiek ${cell.id}: de kolom ${column} (${channel}) staat niet in ${cell.from}; er zijn ${[...names].join(", ")}.`);
  }
  if (cell.mark !== "likert" && cell.mark !== "mean-interval" && !cell.y) throw new Error(`Grafiek ${cell.id}: een ${cell.mark}-grafiek heeft een y-kolom nodig.`);
  if ((cell.mark === "likert" || cell.mark === "mean-interval") && !cell.y) throw new Error(`Grafiek ${cell.id}: kies bij y de kolom met de groepen.`);
  if (cell.mark === "likert" && !cell.color) throw new Error(`Grafiek ${cell.id}: kies bij kleur de kolom met de antwoorden.`);
}

/**
 * One panel per value of `column`, stacked, with the value beside each panel on the right: a right margin that fits
 * the longest value (at most a third of the width; longer ones are wrapped, and a single long word shortened in the
 * middle with the whole value as its tooltip), and a chart tall enough that each panel keeps the height it would have
 * alone when the chart sets its own height (horizontal bars with one row per category).
 */
function facetOptions(rows: Row[], column: string, options: Plot.PlotOptions, width: number): Plot.PlotOptions {
  const values = [...new Set(rows.map((r) => String(r[column])))];
  const longest = Math.max(1, ...values.map((v) => v.length));
  const wanted = 16 + 0.6 * fontSize * longest;
  const marginRight = Math.round(Math.min(width / 3, wanted));
  // wrapped (and a long word shortened) only when the longest value does not fit
  const fit = wanted > marginRight ? {lineWidth: (marginRight - 16) / fontSize, textOverflow: "ellipsis-middle"} : {};
  const height = options.height === undefined ? undefined : (options.height - 60) * values.length + 60;
  return {
    facet: {data: rows, y: column, label: null},
    fy: {label: null, domain: values},
    marginRight,
    height,
    marks: [...(options.marks ?? []), Plot.axisFy({label: null, ...fit} as Plot.AxisOptions)]
  };
}

/** The chart of a chart cell over its source's rows. */
export function notebookChart(rows: readonly Row[], cell: ChartCell, {width = 640, document}: ChartCellOptions = {}): Element {
  checkColumns(rows, cell);
  const data = sortedRows(rows, cell);
  const ariaLabel = `Grafiek van ${cell.from}`;
  switch (cell.mark) {
    case "bar":
    case "dot":
    case "line": {
      const options = chartOptions(data, {mark: cell.mark, x: cell.x, y: cell.y ?? null, color: cell.color ?? null}, {width});
      return Plot.plot({...options, ...(cell.facet ? facetOptions(data, cell.facet, options, width) : {}), ariaLabel, ...(document ? {document} : {})} as Plot.PlotOptions);
    }
    case "likert": {
      // answers in the order the query gives them (e.g. ORDER BY code), each bar a value of y
      const answers = [...new Set(data.map((r) => String(r[cell.color!])))];
      const distribution: DistributionRow[] = data.map((r) => ({
        item_id: String(r[cell.y!]),
        group: String(r[cell.y!]),
        code: answers.indexOf(String(r[cell.color!])) + 1,
        label: String(r[cell.color!]),
        count: 0,
        share: r[cell.x] == null ? null : Number(r[cell.x]),
        n: 0,
        suppressed: r[cell.x] == null
      }));
      return likertChart(distribution, {width, y: "item_id", ariaLabel, document});
    }
    case "mean-interval": {
      const means: MeanRow[] = data.map((r) => ({
        group: String(r[cell.y!]),
        n: Number(r.n ?? 0),
        mean: r[cell.x] == null ? null : Number(r[cell.x]),
        se: r.se == null ? null : Number(r.se),
        low: r.lower == null ? null : Number(r.lower),
        high: r.upper == null ? null : Number(r.upper),
        suppressed: r[cell.x] == null || r.suppressed === true
      }));
      const bounds = means.flatMap((m) => (m.suppressed ? [] : [m.low, m.high])).filter((v): v is number => v != null && Number.isFinite(v));
      const domain: [number, number] = bounds.length ? [Math.floor(Math.min(...bounds)), Math.ceil(Math.max(...bounds))] : [0, 1];
      if (domain[0] === domain[1]) domain[1] += 1;
      return meansChart(means, {width, domain, ariaLabel, document});
    }
  }
}
