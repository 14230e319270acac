// A diverging heatmap of a matrix (correlations, factor loadings): pure (cells, {width, ...}) => Plot element, values
// printed in the cells where they fit, Dutch number format, with an aria-label.
import * as Plot from "@observablehq/plot";
import {formatNumber} from "../format.js";

const nl2 = (v: number) => formatNumber(v, 2);

export interface MatrixCell {
  row: string;
  column: string;
  value: number;
}

export interface HeatmapOptions {
  width?: number;
  rows: string[];
  columns: string[];
  label?: string;
  ariaLabel: string;
  cellHeight?: number;
  marginLeft?: number;
  /** Text of a row's axis label (may contain "\n"); default the row key itself. */
  rowLabel?: (row: string) => string;
  /** Tooltip of a cell; default "row · column: value". */
  cellTitle?: (cell: MatrixCell) => string;
}

/** A diverging heatmap (correlations or loadings), values printed in the cells. */
export function heatmap(cells: MatrixCell[], {width = 640, rows, columns, label = "waarde", ariaLabel, cellHeight, marginLeft = 210, rowLabel, cellTitle}: HeatmapOptions) {
  const lines = rowLabel ? Math.max(1, ...rows.map((r) => rowLabel(r).split("\n").length)) : 1;
  const height = cellHeight ?? Math.max(24, lines * 13 + 8);
  const plotWidth = Math.min(width, marginLeft + columns.length * 90 + 20);
  // values in the cells only where they fit (on a phone a 12 × 12 matrix has cells of ~15 px; the tooltip and table remain)
  const cellWidth = (plotWidth - marginLeft - 20) / columns.length;
  const showValues = cellWidth >= 30;
  return Plot.plot({
    width: plotWidth,
    height: rows.length * height + 70,
    marginLeft,
    marginBottom: 10,
    ariaLabel,
    x: {domain: columns, axis: "top", label: null, tickRotate: Math.max(...columns.map((c) => c.length)) * 6.5 > cellWidth ? -35 : 0},
    y: {domain: rows, label: null, tickFormat: rowLabel},
    color: {type: "diverging", scheme: "rdbu", domain: [-1, 1], legend: true, label, tickFormat: nl2},
    marks: [
      Plot.cell(cells, {x: "column", y: "row", fill: "value", inset: 0.5, tip: {format: {fill: nl2}}, title: cellTitle ?? ((d: MatrixCell) => `${d.row} · ${d.column}: ${nl2(d.value)}`)}),
      showValues ? Plot.text(cells, {x: "column", y: "row", text: (d: MatrixCell) => nl2(d.value), fill: (d: MatrixCell) => (Math.abs(d.value) > 0.55 ? "white" : "black"), fontSize: 10}) : null
    ]
  });
}
