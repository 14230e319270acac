// Who answered, per size class, against all municipalities: the response rate and the shares in the response and
// in the population that post-stratification weighting brings back in line.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatPercent} from "../format.js";
import {stratumCounts} from "../stats/post-stratification.js";
import type {Respondent} from "../survey/respondent.js";
import type {SurveyMeta} from "../survey/survey-meta.js";

export interface ResponseRate {
  sizeClass: string;
  /** Municipalities in the class. */
  N: number;
  /** Respondents in the class. */
  n: number;
  rate: number;
  shareOfResponse: number;
  shareOfPopulation: number;
}

export function responseRates(respondents: readonly Respondent[], meta: SurveyMeta): ResponseRate[] {
  const n = stratumCounts(respondents.map((r) => r.size_class));
  const N = meta.population.sizeClassCounts;
  return meta.sizeClasses.map((h) => ({
    sizeClass: h, N: N[h], n: n[h] ?? 0, rate: (n[h] ?? 0) / N[h],
    shareOfResponse: (n[h] ?? 0) / respondents.length, shareOfPopulation: N[h] / meta.population.total
  }));
}

export function responseRateChart(rows: ResponseRate[], {width = 640, overall}: {width?: number; overall: number}) {
  return accessibleChart(Plot.plot({
    width,
    height: 220,
    marginLeft: 120,
    marginRight: 40,
    ariaLabel: "Responspercentage per grootteklasse; de cijfers staan in de tabel.",
    x: {label: "Respons (% van alle gemeenten in de klasse)", percent: true, domain: [0, 100], grid: true, ticks: width < 560 ? 5 : 10},
    y: {label: null, domain: rows.map((d) => d.sizeClass)},
    marks: [
      Plot.barX(rows, {y: "sizeClass", x: "rate", fill: "#1f6fb4", tip: true, title: (d: ResponseRate) => `${d.sizeClass}: ${d.n} van ${d.N} (${formatPercent(d.rate)})`}),
      Plot.ruleX([overall], {strokeDasharray: "4,3"}),
      Plot.text(rows, {y: "sizeClass", x: "rate", text: (d: ResponseRate) => formatPercent(d.rate), dx: 6, textAnchor: "start", fill: "currentColor"})
    ]
  }));
}
