// How often the simulated 95% intervals contained the true value, with and without the finite population
// correction, for two true values: (a) the mean of the drawn municipalities, (b) the model's own mean.
import {categoricalColors} from "../charts/palette.js";
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {accessibleChart} from "../charts/accessible.js";
import {formatNumber, formatPercent} from "../format.js";
import {normalQuantile} from "../stats/distributions.js";
import type {CoverageResult} from "../stats/coverage.js";
import {WITH_FPC, WITHOUT_FPC} from "./scale-intervals.js";

export interface CoverageRow {
  target: string;
  variant: string;
  /** Share of repetitions whose interval contained the target. */
  p: number;
  /** The simulation's own 95% uncertainty about p (normal approximation). */
  lower: number;
  upper: number;
  row: string;
}

export function coverageRows(sim: CoverageResult, populationTotal: number): CoverageRow[] {
  const z = normalQuantile(0.975);
  const population = `(a) gemiddelde van de ${populationTotal} gemeenten`;
  const model = "(b) gemiddelde van het model";
  return [
    {target: population, variant: WITH_FPC, p: sim.populationMean.fpc},
    {target: population, variant: WITHOUT_FPC, p: sim.populationMean.noFpc},
    {target: model, variant: WITH_FPC, p: sim.modelMeanCovered.fpc},
    {target: model, variant: WITHOUT_FPC, p: sim.modelMeanCovered.noFpc}
  ].map((d) => {
    const half = z * Math.sqrt((d.p * (1 - d.p)) / sim.repetitions);
    const short = d.target === population ? `(a) ${populationTotal} gemeenten` : "(b) model";
    return {...d, lower: d.p - half, upper: d.p + half, row: `${short}\n${d.variant}`};
  });
}

export function coverageChart(rows: CoverageRow[], {width = 640}: {width?: number} = {}) {
  return accessibleChart(Plot.plot({
    width,
    height: 250,
    marginLeft: 130,
    marginRight: 20,
    ariaLabel: "Dekking van de intervallen met en zonder correctie, voor twee ware waarden; de cijfers staan in de tabel.",
    x: {label: "Dekking", domain: [0.8, 1], tickFormat: (v: number) => formatPercent(v), grid: true, ticks: width < 500 ? 3 : 5},
    y: {label: null, domain: rows.map((d) => d.row)},
    color: {domain: [WITH_FPC, WITHOUT_FPC], range: categoricalColors.slice(0, 2), legend: true},
    marks: [
      Plot.ruleX([0.95], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.ruleY(rows, {y: "row", x1: "lower", x2: "upper", stroke: "variant", strokeWidth: 2}),
      Plot.dot(rows, {y: "row", x: "p", fill: "variant", r: 5, tip: true, title: (d: CoverageRow) => `${d.target}, ${d.variant}: ${formatPercent(d.p, 1)}`})
    ]
  }));
}

/**
 * The simulation's outcome in words. The data attributes carry the exact numbers, so that a test can compare
 * them with the synchronous simulation in node.
 */
export function coverageSummary(sim: CoverageResult, {seed, scale, sample, populationTotal}: {seed: number; scale: string; sample: Record<string, number>; populationTotal: number}): HTMLParagraphElement {
  const exact = [sim.populationMean.fpc, sim.populationMean.noFpc, sim.modelMeanCovered.fpc, sim.modelMeanCovered.noFpc, sim.halfWidth.fpc, sim.halfWidth.noFpc].join(" ");
  return html`<p data-testid="dekking" data-seed=${String(seed)} data-sample=${JSON.stringify(sample)} data-scale=${scale} data-coverage=${exact}>Met correctie bevatte het interval het gemiddelde van de getrokken ${populationTotal} gemeenten in <strong>${formatPercent(sim.populationMean.fpc, 1)}</strong> van de ${formatNumber(sim.repetitions, 0)} herhalingen, zonder correctie in <strong>${formatPercent(sim.populationMean.noFpc, 1)}</strong>: zonder correctie zijn de intervallen te breed (gemiddeld ± ${formatNumber(sim.halfWidth.noFpc, 3)} tegen ± ${formatNumber(sim.halfWidth.fpc, 3)}). Voor het modelgemiddelde is het omgekeerd (${formatPercent(sim.modelMeanCovered.noFpc, 1)} zonder, ${formatPercent(sim.modelMeanCovered.fpc, 1)} met correctie): wie een uitspraak wil doen over het proces dat de gemeenten voortbrengt, en niet over deze ${populationTotal} gemeenten, heeft geen eindige populatie en dus geen correctie. Het rapport beschrijft de Nederlandse gemeenten van 2021; daarvoor is de correctie de juiste keuze.</p>`;
}
