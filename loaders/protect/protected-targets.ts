// The synthetic responses' targets: the protected tables (protected-tables.ts) in the engine's terms
// (loaders/reconstruct/target-tables.ts), never the real records. What the tables show becomes an exact target:
// - respondents per size class, and per size class x role where that split is shown;
// - per item, the answer counts of every shown group;
// - per scale, the number with a complete score, the sum of their scores and the sum of their squares (behind the
//   published standard error) in every shown group.
// Where the tables hide a size class x role split, the synthetic split is drawn from the shown role shares with at
// least five per role, and the size class is a target as a whole; a hidden item distribution gets the overall shares
// at the overall rate of answering (over the shown size classes, where the overall total is hidden).
import type {Codebook} from "../codebook/codebook.ts";
import {largestRemainder} from "../reconstruct/largest-remainder.ts";
import type {AnswerTarget, ScaleGroupTarget, TargetGroup, TargetTables} from "../reconstruct/target-tables.ts";
import type {ProtectedDistributionGroup, ProtectedTables} from "../../src/components/story/engine-tables.ts";
import {MIN_GROUP_SIZE} from "../../src/components/stats/suppression.ts";
import {TOTAL} from "../../src/components/story/model.ts";
import {domainMean} from "../../src/components/stats/domain-mean.ts";
import {sum} from "../reconstruct/sum.ts";

/**
 * Respondents per role in a size class whose split the tables hide: the shown role shares, at least 5 per role; a
 * class too small for that goes to the most common role as a whole (no synthetic group of 1-4 either way).
 */
export function drawnSplit(total: number, roles: readonly string[], shares: readonly number[]): number[] {
  const weights = shares.every((s) => s === 0) ? roles.map(() => 1) : shares;
  if (total < MIN_GROUP_SIZE * roles.length) return weights.map((_, k) => (k === weights.indexOf(Math.max(...weights)) ? total : 0));
  const counts = largestRemainder(total, weights);
  for (let k = 0; k < counts.length; k++)
    while (counts[k] < MIN_GROUP_SIZE) {
      const largest = counts.indexOf(Math.max(...counts));
      counts[largest]--;
      counts[k]++;
    }
  return counts;
}

/**
 * The sum of squared score sums (per respondent: the sum of the scale's codes) that gives a group's published
 * standard error: the survey's interval (stats/domain-mean.ts) is linear in the sum of squared scores, so two
 * evaluations find it.
 */
export function spreadTarget(row: {n: number | null; mean: number | null; se: number | null}, items: number, sampleSize: number, stratum: string, population: Record<string, number>): number {
  const n = row.n!;
  const total = row.mean! * n;
  const variance = (squares: number) => domainMean([{stratum, sampleSize, n, sw: n, swy: total, sww: n, swwy: total, swwyy: squares}], population).se ** 2;
  const [q0, q1] = [total ** 2 / n, total ** 2 / n + 1];
  const [v0, v1] = [variance(q0), variance(q1)];
  return Math.round((q0 + ((row.se! ** 2 - v0) / (v1 - v0)) * (q1 - q0)) * items * items);
}

export function protectedTargets({tables, codebook, sizeClassCounts}: {
  tables: ProtectedTables;
  codebook: Codebook;
  /** Respondents per size class (the weighting's strata). */
  sizeClassCounts: Record<string, number>;
}): TargetTables {
  const {sizeClasses, roles} = tables;
  const population = codebook.population.size_class_counts;
  const roleShares = roles.map((r) => sizeClasses.reduce((total, s) => total + (tables.cells[s][r] ?? 0), 0));
  const splitShown = (s: string) => roles.every((r) => tables.cells[s][r] != null);
  const sample = Object.fromEntries(
    sizeClasses.map((s) => {
      const counts = splitShown(s) ? roles.map((r) => tables.cells[s][r]!) : drawnSplit(sizeClassCounts[s] ?? 0, roles, roleShares);
      return [s, Object.fromEntries(roles.map((r, k) => [r, counts[k]]))];
    })
  );
  const sampleSize = sum(sizeClasses.flatMap((s) => Object.values(sample[s])));
  const codesOf = (id: string) => codebook.response_scales[codebook.items.find((i) => i.id === id)!.response_scale].options;
  const classSize = (s: string) => sum(Object.values(sample[s]));
  // An item's distribution over all size classes, or, where that total is hidden (it includes a hidden class), over
  // the classes shown for the item; with the number of synthetic respondents in those classes.
  const overall = (id: string): {group: ProtectedDistributionGroup; respondents: number} => {
    const groups = tables.distributions[id].alle.u;
    const all = groups[`${TOTAL}|${"1".repeat(sizeClasses.length)}`];
    if (all.n != null) return {group: all, respondents: sampleSize};
    const shown = sizeClasses.map((s) => groups[s]?.n != null);
    const group = groups[`${TOTAL}|${shown.map((x) => (x ? "1" : "0")).join("")}`] ?? all;
    return {group, respondents: sum(sizeClasses.filter((_, k) => shown[k]).map(classSize))};
  };
  const answers: Record<string, AnswerTarget[]> = Object.fromEntries(codebook.items.map((i) => [i.id, []]));
  const scaleGroups = new Map<string, ScaleGroupTarget[]>(codebook.scales.map((s) => [s.id, []]));

  for (const sizeClass of sizeClasses) {
    const inClass = classSize(sizeClass);
    // The level a measure is a target at: per role where the tables show every role of this size class, else the
    // size class as a whole.
    const itemShown = (id: string) => splitShown(sizeClass) && roles.every((r) => tables.distributions[id][r]?.u[sizeClass]?.n != null);
    const levels = (shown: boolean): {role: string; group: TargetGroup; size: number}[] =>
      shown ? roles.map((role) => ({role, group: {sizeClass, role}, size: sample[sizeClass][role]})) : [{role: "alle", group: {sizeClass}, size: inClass}];
    // The published answer counts of a group, or (hidden) the overall shares at the overall rate.
    const countsOf = (id: string, role: string, size: number): number[] => {
      const shown: ProtectedDistributionGroup | undefined = tables.distributions[id][role]?.u[sizeClass];
      if (shown && shown.n != null && shown.count.every((c) => c != null)) return shown.count as number[];
      const {group: all, respondents} = overall(id);
      const counts = all.count.every((c) => c != null) ? (all.count as number[]) : codesOf(id).map(() => 1);
      return largestRemainder(Math.round((size * (all.n ?? 0)) / Math.max(1, respondents)), counts);
    };
    for (const item of codebook.items.filter((i) => !i.scale))
      for (const {role, group, size} of levels(itemShown(item.id))) answers[item.id].push({...group, kind: "counts", counts: countsOf(item.id, role, size)});
    for (const scale of codebook.scales) {
      const ids = codebook.items.filter((i) => i.scale === scale.id).map((i) => i.id);
      const shown = ids.every(itemShown) && roles.every((r) => tables.means[scale.id][r]?.u[sizeClass]?.n != null);
      for (const {role, group, size} of levels(shown)) {
        const sizes = ids.map((id) => {
          const counts = countsOf(id, role, size);
          answers[id].push({...group, kind: "counts", counts});
          return sum(counts);
        });
        const row = tables.means[scale.id][role]?.u[sizeClass];
        const published = row && !row.suppressed && row.n != null && row.mean != null && row.n > 0;
        const complete = Math.min(published ? row.n! : Math.min(...sizes), ...sizes);
        scaleGroups.get(scale.id)!.push({
          group,
          complete,
          ...(published && {score: {kind: "exact", sum: Math.round(row.mean! * row.n! * ids.length), ...(row.se != null && {squares: spreadTarget(row, ids.length, inClass, sizeClass, population)})}})
        });
      }
    }
  }
  return {
    sizeClasses: [...sizeClasses],
    roles: [...roles],
    sample,
    nonresponse: {kind: "answer counts"},
    answers,
    scales: codebook.scales.map((s) => ({scale: s.id, groups: scaleGroups.get(s.id)!}))
  };
}
