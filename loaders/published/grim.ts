/**
 * The integer sums S of answers for which a printed mean over n respondents and k items is exactly what the
 * report prints: S / (k n) rounded half up (as SPSS prints) to the printed decimals. The reconstruction calibrates
 * to these sums. The GRIM test itself (which printed means are possible at all, either rounding of a tie) is the
 * lab's `grim` in src/components/stats/grim.ts; test/published/grim.test.ts runs it on every printed mean.
 */
import {roundsTo} from "./rounds-to.ts";

export interface PrintedMean {
  /** The printed mean, e.g. 2.26. */
  mean: number;
  /** Respondents the mean is over. */
  n: number;
  /** Items averaged per respondent (1 for a single item). */
  items: number;
  /** Decimals printed (2 in the report). */
  decimals?: number;
}

/** Every integer sum S of answers that rounds (half up) to the printed mean. Empty = GRIM-inconsistent. */
export function feasibleSums({mean, n, items, decimals = 2}: PrintedMean): number[] {
  const kn = items * n;
  const sums: number[] = [];
  for (let s = Math.floor((mean - 10 ** -decimals) * kn); s <= Math.ceil((mean + 10 ** -decimals) * kn); s++) if (roundsTo(s, kn, mean, decimals)) sums.push(s);
  return sums;
}
