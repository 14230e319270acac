/**
 * GRIM (Brown & Heathers 2016): a mean of integer answers over n respondents and k items is a
 * fraction S / (k n) with integer S. A printed mean is possible only if some such fraction rounds to it.
 * Exact integer arithmetic: S is possible iff (2 m - 1) k n <= 2 * 10^d * S < (2 m + 1) k n,
 * where m is the printed mean times 10^d (half-up rounding, as SPSS prints).
 */
import {roundsTo} from "./rounds-to.ts";

export interface GrimInput {
  /** The printed mean, e.g. 2.26. */
  mean: number;
  /** Respondents the mean is over. */
  n: number;
  /** Items averaged per respondent (1 for a single item). */
  items: number;
  /** Decimals printed (2 in the report). */
  decimals?: number;
}

/** Every integer sum S of answers that rounds to the printed mean. Empty = GRIM-inconsistent. */
export function feasibleSums({mean, n, items, decimals = 2}: GrimInput): number[] {
  const kn = items * n;
  const sums: number[] = [];
  for (let s = Math.floor((mean - 10 ** -decimals) * kn); s <= Math.ceil((mean + 10 ** -decimals) * kn); s++) if (roundsTo(s, kn, mean, decimals)) sums.push(s);
  return sums;
}

export function grimConsistent(input: GrimInput): boolean {
  return feasibleSums(input).length > 0;
}

/** The nearest possible means around a printed one (for explaining an inconsistency): S/(kn) just below and above. */
export function nearestMeans({mean, n, items}: GrimInput): {below: {sum: number; mean: number}; above: {sum: number; mean: number}} {
  const kn = items * n;
  const below = Math.floor(mean * kn);
  return {below: {sum: below, mean: below / kn}, above: {sum: below + 1, mean: (below + 1) / kn}};
}

/** The respondent counts near n (within `radius`) for which the printed mean is possible. */
export function consistentCounts(input: GrimInput, radius = 5): number[] {
  const counts: number[] = [];
  for (let n = Math.max(1, input.n - radius); n <= input.n + radius; n++) if (grimConsistent({...input, n})) counts.push(n);
  return counts;
}
