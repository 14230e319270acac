// Means with standard errors and 95% intervals under the finite population correction (fpc).
// The survey approached all 352 municipalities and 107 answered; treating each size class as a stratum in
// which the respondents are a simple random sample without replacement gives var(ȳ_h) = (1 - n_h/N_h) s_h² / n_h.
// These functions reproduce R's survey::svydesign(ids = ~1, strata = ~size_class, fpc = ~N_h) with svymean/svyby.
import {normalQuantile, tQuantile} from "./distributions.js";
import {stratumCounts, type Population} from "./post-stratification.js";

export type IntervalDistribution = "normal" | "t";

export interface IntervalOptions {
  /** Confidence level, default 0,95. */
  level?: number;
  /** "normal" (survey's confint default) or "t" with the design's degrees of freedom. */
  distribution?: IntervalDistribution;
  /** Apply the finite population correction (default true); false treats the population as infinite. */
  fpc?: boolean;
}

export interface MeanInterval {
  mean: number;
  se: number;
  lower: number;
  upper: number;
  /** Respondents with a value. */
  n: number;
  /** Degrees of freedom used for "t" (n - number of strata). */
  df: number;
  /** Variance factor 1 - n/N (1 when fpc is off); for stratified estimates a weighted summary is not meaningful, so NaN. */
  fpcFactor: number;
}

const answered = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

function critical(level: number, distribution: IntervalDistribution, df: number): number {
  const p = 1 - (1 - level) / 2;
  return distribution === "t" ? tQuantile(p, df) : normalQuantile(p);
}

function interval(mean: number, se: number, n: number, df: number, fpcFactor: number, {level = 0.95, distribution = "normal"}: IntervalOptions): MeanInterval {
  const c = critical(level, distribution, df);
  return {mean, se, lower: mean - c * se, upper: mean + c * se, n, df, fpcFactor};
}

/** Mean of a simple random sample drawn without replacement from N units (one size class). */
export function srsMeanInterval(values: (number | null)[], populationSize: number, options: IntervalOptions = {}): MeanInterval {
  const xs = values.filter(answered);
  const n = xs.length;
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const s2 = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
  const f = options.fpc === false ? 1 : 1 - n / populationSize;
  return interval(m, Math.sqrt((f * s2) / n), n, n - 1, f, options);
}

/**
 * Stratified mean Σ_h (N_h/N) ȳ_h over the respondents with a value (they are the sample, as in the report's
 * tables), var = Σ_h (N_h/N)² (1 - n_h/N_h) s_h²/n_h. Equal to the post-stratified weighted mean with weights
 * recomputed on those respondents.
 */
export function stratifiedMeanInterval(values: (number | null)[], strata: string[], population: Population, options: IntervalOptions = {}): MeanInterval & {strata: Record<string, MeanInterval>} {
  const byStratum: Record<string, number[]> = {};
  values.forEach((v, i) => {
    if (answered(v)) (byStratum[strata[i]] ??= []).push(v);
  });
  const N = Object.values(population).reduce((a, b) => a + b, 0);
  let mean = 0, variance = 0, n = 0;
  const perStratum: Record<string, MeanInterval> = {};
  for (const [h, xs] of Object.entries(byStratum)) {
    const Nh = population[h];
    if (Nh === undefined) throw new Error(`invalid stratum: ${h} has no population count`);
    const est = srsMeanInterval(xs, Nh, options);
    perStratum[h] = est;
    mean += (Nh / N) * est.mean;
    variance += (Nh / N) ** 2 * est.se ** 2;
    n += xs.length;
  }
  const H = Object.keys(byStratum).length;
  return {...interval(mean, Math.sqrt(variance), n, n - H, NaN, options), strata: perStratum};
}

/**
 * Weighted mean with fixed weights over a domain (e.g. the respondents who answered, or one size class),
 * with the linearisation variance survey::svymean(na.rm = TRUE) uses: the design keeps all n_h respondents
 * per stratum and the fpc 1 - n_h/N_h; units outside the domain contribute zeros.
 */
export function domainMeanInterval(
  values: (number | null)[],
  strata: string[],
  weights: number[],
  population: Population,
  {domain, ...options}: IntervalOptions & {domain?: boolean[]} = {}
): MeanInterval {
  const inDomain = values.map((v, i) => answered(v) && (domain ? domain[i] : true));
  let sw = 0, swy = 0, m = 0;
  values.forEach((v, i) => {
    if (!inDomain[i]) return;
    sw += weights[i];
    swy += weights[i] * (v as number);
    m++;
  });
  const mean = swy / sw;
  const z = values.map((v, i) => (inDomain[i] ? (weights[i] * ((v as number) - mean)) / sw : 0));
  const nh = stratumCounts(strata);
  const groups: Record<string, number[]> = {};
  z.forEach((zi, i) => (groups[strata[i]] ??= []).push(zi));
  let variance = 0;
  for (const [h, zs] of Object.entries(groups)) {
    if (zs.length < 2) continue;
    const zbar = zs.reduce((a, b) => a + b, 0) / zs.length;
    const f = options.fpc === false ? 1 : 1 - nh[h] / population[h];
    variance += (f * zs.length / (zs.length - 1)) * zs.reduce((s, v) => s + (v - zbar) ** 2, 0);
  }
  const H = Object.keys(groups).length;
  return interval(mean, Math.sqrt(variance), m, strata.length - H, NaN, options);
}
