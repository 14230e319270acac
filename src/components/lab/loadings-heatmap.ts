// A loadings figure: the heatmap of items × factors (short label and the report's topic on the axis, the full
// question in the tooltip and the table), with the model diagnostics as its lead, right above the chart.
// The rounded loadings sit in data-loadings, so a test can read what is drawn.
import {resize} from "observablehq:stdlib";
import {heatmap} from "../charts/heatmap.js";
import {wrapLabel} from "./wrap-label.js";
import {dataTable} from "../story/figure.js";
import {formatNumber} from "../format.js";
import type {Mat} from "../stats/index.js";
import type {LabQuestion, MakeFigure} from "./lab-item.js";

export interface LoadingsFigureOptions {
  number: string;
  title: string;
  loadings: Mat;
  questions: LabQuestion[];
  /** "n = 83; hoofdasfactoranalyse, varimax" */
  n: string;
  /** Shown between the reading aid and the chart (the model diagnostics). */
  lead?: Node;
  figure: MakeFigure;
}

const axisLabel = (q: LabQuestion, width: number) => {
  const max = width < 600 ? 20 : 30;
  return `${wrapLabel(q.label, max)}\n(${wrapLabel(q.topic, max)})`;
};

export function loadingsFigure({number, title, loadings, questions, n, lead, figure}: LoadingsFigureOptions): HTMLElement {
  const k = loadings[0]?.length ?? 0;
  const columns = Array.from({length: k}, (_, j) => `F${j + 1}`);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const cells = loadings.flatMap((row, i) => row.map((value, j) => ({row: questions[i].id, column: columns[j], value})));
  const element = figure({
    number,
    title,
    aid: "Per vraag (met het onderwerp uit het rapport) de lading op elke factor; donkerblauw = hoge positieve lading, rood = negatief. Wijs een cel aan voor de volledige vraag.",
    lead,
    chart: resize((width: number) => heatmap(cells, {
      width, rows: questions.map((q) => q.id), columns, label: "lading", marginLeft: width < 600 ? 150 : 230,
      rowLabel: (id) => axisLabel(byId.get(id)!, width),
      cellTitle: (d) => `${byId.get(d.row)!.label} (${byId.get(d.row)!.topic}), ${d.column}: ${formatNumber(d.value)}\n„${byId.get(d.row)!.text}"`,
      ariaLabel: `${title}; de ladingen staan in de tabel.`
    })),
    table: dataTable(title, ["Vraag", "Onderwerp", ...columns, "Volledige vraag"], loadings.map((row, i) => [questions[i].label, questions[i].topic, ...row.map((v) => formatNumber(v)), questions[i].text])),
    n
  });
  element.dataset.loadings = JSON.stringify(loadings.map((row) => row.map((v) => Math.round(v * 1e4) / 1e4)));
  return element;
}
