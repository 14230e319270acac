// Lab F2: observed eigenvalues against those of random data of the same size (parallel analysis), as a scree plot.
import {resize} from "observablehq:stdlib";
import {screePlot} from "../charts/scree.js";
import {dataTable} from "../story/figure.js";
import {formatNumber} from "../format.js";
import type {ParallelAnalysis} from "../stats/index.js";
import type {MakeFigure} from "./lab-item.js";

export function screeFigure(parallel: ParallelAnalysis, n: number, {figure}: {figure: MakeFigure}): HTMLElement {
  const series = [
    ...parallel.observed.map((value, i) => ({k: i + 1, value, series: "Waargenomen"})),
    ...parallel.simulated.map((value, i) => ({k: i + 1, value, series: "Toeval (gemiddelde)"})),
    ...parallel.simulated95.map((value, i) => ({k: i + 1, value, series: "Toeval (95e percentiel)"}))
  ];
  return figure({
    number: "Lab F2",
    title: "Eigenwaarden tegen die van toevalsdata",
    aid: "Houd de componenten aan waarvan de waargenomen eigenwaarde boven de lijn van toevalsdata ligt.",
    chart: resize((width: number) => screePlot(series, {width, ariaLabel: "Scree plot met parallelle analyse; de waarden staan in de tabel."})),
    table: dataTable("Eigenwaarden", ["Component", "Waargenomen", "Toeval gemiddeld", "Toeval 95e percentiel"],
      parallel.observed.map((v, i) => [String(i + 1), formatNumber(v), formatNumber(parallel.simulated[i]), formatNumber(parallel.simulated95[i])])),
    n: `n = ${n}; ${parallel.iterations} gesimuleerde datasets met vaste startwaarde`
  });
}
