// Means with standard errors and intervals under the finite population correction (fpc), as arrays in, one interval
// out. All three are the one estimator of domain-mean.ts applied to a different design:
// - srsMeanInterval: one size class, its respondents with a value a simple random sample without replacement from N;
// - stratifiedMeanInterval: the respondents with a value as a stratified sample (R: svydesign(ids = ~1,
//   strata = ~size_class, fpc = ~N_h) on the complete cases, then svymean), i.e. weights N_h / n_h recomputed on them;
// - domainMeanInterval: the whole sample as the design and the respondents with a value (and in `domain`) as a domain,
//   with given weights (R: svymean(~y, subset(design, domain), na.rm = TRUE)); this is what the story draws.
// The default interval is t-based (df = respondents - strata); pass {distribution: "normal"} for survey's confint.
import {domainMean, stratumMoments, type DomainMeanOptions} from "./domain-mean.js";
import {stratumCounts, type Population} from "./post-stratification.js";

export type IntervalDistribution = "normal" | "t";
export type IntervalOptions = DomainMeanOptions;

export interface MeanInterval {
  mean: number;
  se: number;
  lower: number;
  upper: number;
  /** Respondents with a value. */
  n: number;
  /** Degrees of freedom of the t interval: respondents - strata. */
  df: number;
  /** Variance factor 1 - n/N for a single stratum (1 without fpc); NaN where strata differ. */
  fpcFactor: number;
}

const answered = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

/** Mean of a simple random sample drawn without replacement from N units (one size class). */
export function srsMeanInterval(values: (number | null)[], populationSize: number, options: IntervalOptions = {}): MeanInterval {
  const xs = values.filter(answered);
  const estimate = domainMean(stratumMoments(xs, xs.map(() => "srs"), null), {srs: populationSize}, options);
  return {...estimate, fpcFactor: options.fpc === false ? 1 : 1 - xs.length / populationSize};
}

/**
 * Stratified mean Σ_h (N_h/N) ȳ_h over the respondents with a value, var = Σ_h (N_h/N)² (1 - n_h/N_h) s_h²/n_h,
 * with the per-stratum intervals.
 */
export function stratifiedMeanInterval(values: (number | null)[], strata: string[], population: Population, options: IntervalOptions = {}): MeanInterval & {strata: Record<string, MeanInterval>} {
  const keep = values.map(answered);
  const ys = values.filter(answered);
  const hs = strata.filter((_, i) => keep[i]);
  const n = stratumCounts(hs);
  for (const h of Object.keys(n)) if (population[h] === undefined) throw new Error(`invalid stratum: ${h} has no population count`);
  const estimate = domainMean(stratumMoments(ys, hs, hs.map((h) => population[h] / n[h])), population, options);
  const perStratum = Object.fromEntries(Object.keys(n).map((h) => [h, srsMeanInterval(ys.filter((_, i) => hs[i] === h), population[h], options)]));
  return {...estimate, strata: perStratum};
}

/**
 * Mean over a domain (the respondents with a value, optionally only those in `domain`) with fixed weights, under the
 * stratified design of the whole sample.
 */
export function domainMeanInterval(
  values: (number | null)[],
  strata: string[],
  weights: number[] | null,
  population: Population,
  {domain, ...options}: IntervalOptions & {domain?: boolean[]} = {}
): MeanInterval {
  return domainMean(stratumMoments(values, strata, weights, domain), population, options);
}
