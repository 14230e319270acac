// The 95% intervals of a scale mean per size class and in total, with and without the finite population
// correction, as /lab/onzekerheid draws them: the stratified mean (each size class weighs by its share of all
// municipalities) over the respondents with a score, Student's t with the design's degrees of freedom.
import {stratifiedMeanInterval, type IntervalOptions, type MeanInterval} from "../stats/mean-interval.js";
import type {Respondent} from "../survey/respondent.js";
import type {SurveyMeta} from "../survey/survey-meta.js";
import {intervalDescription} from "../stats/domain-mean.js";
import type {GroupProtection} from "../stats/suppression.js";
import {protectedSizeClasses} from "./small-groups.js";
import type {IntervalRow} from "./interval-chart.js";

/** The interval the lab draws for a scale mean. */
export const LAB_INTERVAL: IntervalOptions = {level: 0.95, distribution: "t"};

export const TOTAL_LABEL = "Totaal (gestratificeerd)";
export const WITH_FPC = "met correctie";
export const WITHOUT_FPC = "zonder correctie";

export interface ScaleIntervalRow extends IntervalRow {
  n: number;
  /** 1 − n/N of the class (1 without correction, NaN for the stratified total, which has one per class). */
  fpcFactor: number;
}

export interface ScaleIntervals {
  withFpc: MeanInterval & {strata: Record<string, MeanInterval>};
  withoutFpc: MeanInterval & {strata: Record<string, MeanInterval>};
  /** Rows for the chart and table: per shown class and the total (when it may be shown), each in both variants. */
  rows: ScaleIntervalRow[];
  protection: GroupProtection;
}

/** Scores from the scale's column in respondents.parquet (null where an item is missing, the report's rule). */
export function scaleIntervals(respondents: readonly Respondent[], meta: SurveyMeta, scaleId: string): ScaleIntervals {
  const y = respondents.map((r) => r[scaleId] as number | null);
  const strata = respondents.map((r) => r.size_class);
  const population = meta.population.sizeClassCounts;
  const withFpc = stratifiedMeanInterval(y, strata, population, LAB_INTERVAL);
  const withoutFpc = stratifiedMeanInterval(y, strata, population, {...LAB_INTERVAL, fpc: false});
  const protection = protectedSizeClasses(respondents, meta.sizeClasses, (r) => r[scaleId] !== null);
  const shown: [string, MeanInterval, MeanInterval][] = meta.sizeClasses
    .filter((h) => !protection.hidden.has(h) && withFpc.strata[h])
    .map((h) => [h, withFpc.strata[h], withoutFpc.strata[h]]);
  if (!protection.totalHidden) shown.push([TOTAL_LABEL, withFpc, withoutFpc]);
  const rows = shown.flatMap(([label, a, b]) => [
    {label, group: WITH_FPC, mean: a.mean, lower: a.lower, upper: a.upper, n: a.n, fpcFactor: a.fpcFactor},
    {label, group: WITHOUT_FPC, mean: b.mean, lower: b.lower, upper: b.upper, n: b.n, fpcFactor: 1}
  ]);
  return {withFpc, withoutFpc, rows, protection};
}

/** The sentences that say which intervals the figure draws. */
export function intervalSentence(populationTotal: number): string {
  return `Getekend is het gestratificeerde gemiddelde (elke grootteklasse weegt naar haar aandeel onder alle gemeenten) met het ${intervalDescription(LAB_INTERVAL, populationTotal)}. „${WITHOUT_FPC[0].toUpperCase()}${WITHOUT_FPC.slice(1)}" is dezelfde berekening zonder eindige-populatiecorrectie. Per grootteklasse heeft de t-verdeling n − 1 vrijheidsgraden.`;
}
