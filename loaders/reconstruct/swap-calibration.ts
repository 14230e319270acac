// Calibration to an exact scale sum (target-tables.ts, score "exact"): answers of one item are swapped between two
// respondents of a group, so every item keeps its answer counts while the complete scores move. First between a
// respondent with a complete score and one without, until the complete scores add up to the target; then between two
// complete respondents, until the squares of their scores give the published spread.
import type {Random} from "./random.ts";
import {sum} from "./sum.ts";

/** Answers by respondent index, then item (null: not answered). */
export type Answers = Record<string, number | null>[];

interface Respondent {
  index: number;
}

/** Random swaps the spread calibration may take to leave a dead end. */
const MAX_DETOURS = 500;

/**
 * Swaps answers of one item between a respondent with a complete score and one without, until the complete
 * respondents' codes add up to `target`; each item keeps its counts. Returns whether the target was met.
 */
export function swapToSum(group: readonly Respondent[], answers: Answers, ids: readonly string[], target: number): boolean {
  const complete = group.filter((m) => ids.every((id) => answers[m.index][id] != null));
  const others = group.filter((m) => !complete.includes(m));
  let gap = target - sum(complete.flatMap((m) => ids.map((id) => answers[m.index][id]!)));
  while (gap !== 0) {
    let best: {a: Respondent; b: Respondent; id: string; change: number} | null = null;
    for (const id of ids)
      for (const a of complete)
        for (const b of others) {
          const from = answers[a.index][id]!;
          const to = answers[b.index][id];
          if (to == null) continue;
          const change = to - from;
          if (change === 0 || Math.sign(change) !== Math.sign(gap) || Math.abs(change) > Math.abs(gap)) continue;
          if (!best || Math.abs(change) > Math.abs(best.change)) best = {a, b, id, change};
        }
    if (!best) return false;
    [answers[best.a.index][best.id], answers[best.b.index][best.id]] = [answers[best.b.index][best.id], answers[best.a.index][best.id]];
    gap -= best.change;
  }
  return true;
}

/**
 * Swaps answers of one item between two respondents with a complete score until the squares of their score sums
 * add up to `target`: each item keeps its counts and the group its sum, the spread becomes the published one.
 * Returns whether the target was met.
 */
export function swapToSquares(group: readonly Respondent[], answers: Answers, ids: readonly string[], target: number, random: Random): boolean {
  const complete = group.filter((m) => ids.every((id) => answers[m.index][id] != null));
  const total = (m: Respondent) => ids.reduce((a, id) => a + answers[m.index][id]!, 0);
  const sums = new Map(complete.map((m) => [m.index, total(m)]));
  let gap = target - sum([...sums.values()].map((x) => x * x));
  // Best improvement first; where none is left, a random swap (at most MAX_DETOURS) before searching on.
  for (let detours = 0; gap !== 0; ) {
    let best: {a: Respondent; b: Respondent; id: string; change: number} | null = null;
    for (const id of ids)
      for (const a of complete)
        for (const b of complete) {
          const d = answers[b.index][id]! - answers[a.index][id]!;
          if (d <= 0) continue;
          // a gets b's code and b gets a's: the squares change by 2d(Sa - Sb) + 2d^2.
          const change = 2 * d * (sums.get(a.index)! - sums.get(b.index)!) + 2 * d * d;
          if (change === 0 || Math.abs(gap - change) >= Math.abs(gap)) continue;
          if (!best || Math.abs(gap - change) < Math.abs(gap - best.change)) best = {a, b, id, change};
        }
    if (!best) {
      if (detours++ >= MAX_DETOURS || complete.length < 2) return false;
      const [a, b] = random.sample(complete, 2);
      const id = ids[random.integer(ids.length)];
      const d = answers[b.index][id]! - answers[a.index][id]!;
      best = {a, b, id, change: 2 * d * (sums.get(a.index)! - sums.get(b.index)!) + 2 * d * d};
    }
    const {a, b, id} = best;
    const d = answers[b.index][id]! - answers[a.index][id]!;
    [answers[a.index][id], answers[b.index][id]] = [answers[b.index][id], answers[a.index][id]];
    sums.set(a.index, sums.get(a.index)! + d);
    sums.set(b.index, sums.get(b.index)! - d);
    gap -= best.change;
  }
  return true;
}
