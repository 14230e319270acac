// The survey's one mean with standard error and interval. The 107 respondents are a stratified sample of the 352
// municipalities (strata = size classes, each a simple random sample without replacement of N_h); any group a page or
// query looks at (a size class, a role, the respondents who answered a question) is a *domain* of that sample.
// The estimator is the (weighted) mean over the domain; its variance is the linearisation survey::svymean uses for
// svymean(~y, subset(design, domain), na.rm = TRUE): z_i = w_i (y_i - m) / Σw in the domain and 0 outside it,
// var = Σ_h (1 - n_h/N_h) · n_h/(n_h - 1) · Σ_{i in h} (z_i - z̄_h)², with n_h counting every respondent of the
// stratum. With w = 1 the same formula gives the interval of the unweighted mean the report prints.
//
// Everything the formula needs per stratum is a handful of sums (StratumMoments), so the JavaScript engine, SQL
// (a GROUP BY size_class) and the lab's arrays all feed the same function: one definition, three callers.
import {normalQuantile, tQuantile} from "./distributions.js";
import type {MeanInterval} from "./mean-interval.js";

/** Sufficient statistics of one stratum for a domain mean (w = weight, or 1 when unweighted). */
export interface StratumMoments {
  stratum: string;
  /** Respondents of the stratum in the whole sample (in or out of the domain, answered or not): the design's n_h. */
  sampleSize: number;
  /** Respondents in the domain with a value. */
  n: number;
  sw: number;
  swy: number;
  sww: number;
  swwy: number;
  swwyy: number;
}

export interface DomainMeanOptions {
  /** Confidence level, default 0,95. */
  level?: number;
  /** "t" (default) with (respondents in the domain) - (strata in the domain) degrees of freedom, or "normal". */
  distribution?: "t" | "normal";
  /** Apply the finite population correction 1 - n_h/N_h (default true). */
  fpc?: boolean;
}

const answered = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

/**
 * The moments per stratum of `values` (null = no value) over a domain (default: everyone), with weights
 * (null: every respondent counts once). `strata` holds every respondent of the sample, so n_h is right.
 */
export function stratumMoments(values: readonly (number | null)[], strata: readonly string[], weights: readonly number[] | null, domain?: readonly boolean[]): StratumMoments[] {
  const byStratum = new Map<string, StratumMoments>();
  strata.forEach((h, i) => {
    const m = byStratum.get(h) ?? {stratum: h, sampleSize: 0, n: 0, sw: 0, swy: 0, sww: 0, swwy: 0, swwyy: 0};
    byStratum.set(h, m);
    m.sampleSize++;
    const y = values[i];
    if (!answered(y) || (domain && !domain[i])) return;
    const w = weights ? weights[i] : 1;
    m.n++;
    m.sw += w;
    m.swy += w * y;
    m.sww += w * w;
    m.swwy += w * w * y;
    m.swwyy += w * w * y * y;
  });
  return [...byStratum.values()];
}

/** The critical value of a two-sided interval. */
export function criticalValue(level: number, distribution: "t" | "normal", df: number): number {
  const p = 1 - (1 - level) / 2;
  return distribution === "t" ? (df >= 1 ? tQuantile(p, df) : NaN) : normalQuantile(p);
}

/**
 * Mean, standard error and interval of a domain from its stratum moments; `population` gives N_h per stratum.
 * A domain without values has mean NaN (callers show it as missing; groups under 5 are suppressed before this matters).
 */
export function domainMean(moments: readonly StratumMoments[], population: Readonly<Record<string, number>>, {level = 0.95, distribution = "t", fpc = true}: DomainMeanOptions = {}): MeanInterval {
  let sw = 0, swy = 0, n = 0, strataInDomain = 0;
  for (const m of moments) {
    sw += m.sw;
    swy += m.swy;
    n += m.n;
    if (m.n > 0) strataInDomain++;
  }
  const mean = n > 0 && sw > 0 ? swy / sw : NaN;
  let variance = 0;
  for (const m of moments) {
    const N = population[m.stratum];
    if (N === undefined) throw new Error(`invalid stratum: ${m.stratum} has no population count`);
    // a stratum with one respondent has no variance estimate (survey's lonely PSU); with no one in the domain it adds nothing
    if (m.n === 0 || m.sampleSize < 2) continue;
    const sumZ = (m.swy - mean * m.sw) / sw;
    const sumZ2 = (m.swwyy - 2 * mean * m.swwy + mean * mean * m.sww) / (sw * sw);
    const f = fpc ? 1 - m.sampleSize / N : 1;
    variance += f * (m.sampleSize / (m.sampleSize - 1)) * Math.max(0, sumZ2 - (sumZ * sumZ) / m.sampleSize);
  }
  const se = Math.sqrt(variance);
  const df = n - strataInDomain;
  const c = criticalValue(level, distribution, df);
  return {mean, se, lower: mean - c * se, upper: mean + c * se, n, df, fpcFactor: NaN};
}

/** The Dutch sentence that says which interval a page draws. */
export function intervalDescription({level = 0.95, distribution = "t", fpc = true}: DomainMeanOptions = {}, populationTotal?: number): string {
  const pct = `${Math.round(level * 100)}%-interval`;
  const dist = distribution === "t" ? "t-verdeling" : "normale verdeling";
  const correction = fpc
    ? `met eindige-populatiecorrectie${populationTotal ? ` (de respondenten zijn een groot deel van alle ${populationTotal} gemeenten)` : ""}`
    : "zonder eindige-populatiecorrectie";
  return `${pct} volgens de steekproefopzet (gestratificeerd naar gemeentegrootte, ${dist}, ${correction})`;
}
