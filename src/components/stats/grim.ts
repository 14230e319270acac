// The GRIM test (Brown & Heathers 2017, "granularity-related inconsistency of means"): a mean of n answers on
// k integer items is a whole number of points divided by n·k. A printed mean, rounded to d decimals, is possible
// only if some whole total T gives T/(n·k) that rounds to it. Ties (…5) are allowed to round either way.

export interface GrimOptions {
  /** Respondents behind the mean. */
  n: number;
  /** Integer items averaged per respondent (1 for a single item; a scale of 3 items: 3). */
  items?: number;
  /** Decimals printed (2 for "2,60"). */
  decimals?: number;
  /** Lowest and highest possible answer code (bounds the totals); default unbounded. */
  min?: number;
  max?: number;
}

export interface GrimResult {
  consistent: boolean;
  /** False when 1/(n·k) is finer than the printed precision, so every mean is possible and GRIM says nothing. */
  testable: boolean;
  /** Step between possible means, 1/(n·k). */
  granularity: number;
  /** Nearest possible unrounded means just below and above the printed one (total / (n·k)). */
  below: {total: number; mean: number};
  above: {total: number; mean: number};
  /** Totals whose mean rounds to the printed value (empty when inconsistent). */
  totals: number[];
}

const EPS = 1e-9;

export function grim(printedMean: number, {n, items = 1, decimals = 2, min = -Infinity, max = Infinity}: GrimOptions): GrimResult {
  if (!(n >= 1) || !Number.isInteger(n)) throw new Error(`invalid n: ${n}`);
  const nk = n * items;
  const half = 0.5 * 10 ** -decimals;
  const lo = Math.max(Math.ceil((printedMean - half) * nk - EPS), Math.ceil(min * nk - EPS));
  const hi = Math.min(Math.floor((printedMean + half) * nk + EPS), Math.floor(max * nk + EPS));
  const totals: number[] = [];
  for (let t = lo; t <= hi; t++) totals.push(t);
  const belowTotal = Math.floor(printedMean * nk + EPS);
  const aboveTotal = belowTotal + 1;
  return {
    consistent: totals.length > 0,
    testable: 1 / nk > 10 ** -decimals + EPS,
    granularity: 1 / nk,
    below: {total: belowTotal, mean: belowTotal / nk},
    above: {total: aboveTotal, mean: aboveTotal / nk},
    totals
  };
}

/** The sample sizes in [from, to] for which the printed mean is possible. */
export function grimPossibleN(printedMean: number, {from, to, ...options}: Omit<GrimOptions, "n"> & {from: number; to: number}): number[] {
  const ns: number[] = [];
  for (let n = from; n <= to; n++) if (grim(printedMean, {...options, n}).consistent) ns.push(n);
  return ns;
}

/** GRIM for a printed percentage of n answers (one yes/no item): 19% of n is possible only if some count/n rounds to it. */
export function grimPercentage(percentage: number, {n, decimals = 0}: {n: number; decimals?: number}): GrimResult {
  return grim(percentage / 100, {n, items: 1, decimals: decimals + 2, min: 0, max: 1});
}
