// Synthetic microdata for protected publication mode: responses drawn from the reconstruction's latent factor model
// (loaders/reconstruct/: the same correlated topic factors, item loadings and cutting by rank) and calibrated to the
// protected tables only, never to the real records. What the tables show is reproduced exactly:
// - respondents per size class (and per size class x role where that split is shown);
// - per item, the answer counts of every shown group: cutting the latent values by rank gives exact counts;
// - per scale, the number with a complete score, the sum of their scores and the sum of their squares in every shown
//   group: the first respondents (by a drawn persistence) answer every item of the scale, the others skip at least
//   one; answers are then swapped between a complete and an incomplete respondent of the same item until the group's
//   sum is the published one, and between two complete respondents until the squares give the published standard
//   error (each item keeps its counts throughout). So means and their intervals come out as the story shows them.
// Where the tables hide a size class x role split, the synthetic split is drawn from the shown role shares with at
// least five per role, and the size class is calibrated as a whole. Correlations between items and scales are
// properties of the model, like the reconstruction's.
import type {Codebook} from "../codebook/codebook.ts";
import {itemDesign, type Topic} from "../reconstruct/design.ts";
import {largestRemainder} from "../reconstruct/largest-remainder.ts";
import {assignByRank, drawFactors} from "../reconstruct/latent-model.ts";
import {seededRandom, type Random} from "../reconstruct/random.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import type {ProtectedDistributionGroup, ProtectedTables} from "../../src/components/story/engine-tables.ts";
import {MIN_GROUP_SIZE} from "../../src/components/stats/suppression.ts";
import {TOTAL} from "../../src/components/story/model.ts";
import {domainMean} from "../../src/components/stats/domain-mean.ts";

/** Random swaps the spread calibration may take to leave a dead end. */
const MAX_DETOURS = 500;

/** The seed of the synthetic draw (the reconstruction's seed plus one: a different draw from the same model). */
export const SYNTHETIC_SEED = 20220616;

interface Member {
  index: number;
  sizeClass: string;
  role: string;
  persistence: number;
}

export interface Synthesis {
  responses: SurveyResponses;
  /** Groups whose published sums could not be met exactly (empty when everything was reproduced). */
  misses: string[];
}

/**
 * Respondents per role in a size class whose split the tables hide: the shown role shares, at least 5 per role; a
 * class too small for that goes to the most common role as a whole (no synthetic group of 1-4 either way).
 */
function drawnSplit(total: number, roles: string[], shares: number[]): number[] {
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
function spreadTarget(row: {n: number | null; mean: number | null; se: number | null}, items: number, sampleSize: number, stratum: string, population: Record<string, number>): number {
  const n = row.n!;
  const sum = row.mean! * n;
  const variance = (squares: number) => domainMean([{stratum, sampleSize, n, sw: n, swy: sum, sww: n, swwy: sum, swwyy: squares}], population).se ** 2;
  const [q0, q1] = [sum ** 2 / n, sum ** 2 / n + 1];
  const [v0, v1] = [variance(q0), variance(q1)];
  return Math.round((q0 + ((row.se! ** 2 - v0) / (v1 - v0)) * (q1 - q0)) * items * items);
}

export function synthesise({tables, codebook, sizeClassCounts, seed = SYNTHETIC_SEED}: {
  tables: ProtectedTables;
  codebook: Codebook;
  /** Respondents per size class (published in the provenance record). */
  sizeClassCounts: Record<string, number>;
  seed?: number;
}): Synthesis {
  const random = seededRandom(seed);
  const {sizeClasses, roles} = tables;
  const population = codebook.population.size_class_counts;
  const roleShares = roles.map((r) => sizeClasses.reduce((sum, s) => sum + (tables.cells[s][r] ?? 0), 0));
  const members: Member[] = [];
  for (const sizeClass of sizeClasses) {
    const split = tables.cells[sizeClass];
    const shown = roles.every((r) => split[r] != null);
    const counts = shown ? roles.map((r) => split[r]!) : drawnSplit(sizeClassCounts[sizeClass] ?? 0, roles, roleShares);
    roles.forEach((role, k) => {
      for (let i = 0; i < counts[k]; i++)
        members.push({index: members.length, sizeClass, role, persistence: random.uniform()});
    });
  }
  const factors = drawFactors(members.length, random);
  const noise = members.map(() => Object.fromEntries(codebook.items.map((item) => [item.id, random.normal()])) as Record<string, number>);
  const latent = (m: Member, id: string) => {
    const item = codebook.items.find((i) => i.id === id)!;
    const loading = itemDesign[id]?.loading ?? 0.6;
    return loading * factors[m.index][item.topic as Topic] + Math.sqrt(1 - loading ** 2) * noise[m.index][id];
  };
  const codesOf = (id: string) => codebook.response_scales[codebook.items.find((i) => i.id === id)!.response_scale].options.map((o) => o.code);
  const answers = members.map(() => Object.fromEntries(codebook.items.map((i) => [i.id, null])) as Record<string, number | null>);
  const misses: string[] = [];

  const overall = (id: string) => tables.distributions[id].alle.u[`${TOTAL}|${"1".repeat(sizeClasses.length)}`];
  for (const sizeClass of sizeClasses) {
    const inClass = members.filter((m) => m.sizeClass === sizeClass);
    const splitShown = roles.every((r) => tables.cells[sizeClass][r] != null);
    // The level a measure is calibrated at: per role where the tables show every role of this size class, else the
    // size class as a whole.
    const itemShown = (id: string) => splitShown && roles.every((r) => tables.distributions[id][r]?.u[sizeClass]?.n != null);
    const levels = (shown: boolean): [string, Member[]][] => (shown ? roles.map((r) => [r, inClass.filter((m) => m.role === r)]) : [["alle", inClass]]);
    const ordered = (group: Member[]) => group.slice().sort((a, b) => b.persistence - a.persistence || a.index - b.index);
    // The published answer counts of a group, or (for a hidden size class) the overall shares at the overall rate.
    const targetOf = (id: string, role: string, group: Member[]): number[] => {
      const shown: ProtectedDistributionGroup | undefined = tables.distributions[id][role]?.u[sizeClass];
      if (shown && shown.n != null && shown.count.every((c) => c != null)) return shown.count as number[];
      const all = overall(id);
      const counts = all.count.every((c) => c != null) ? (all.count as number[]) : codesOf(id).map(() => 1);
      return largestRemainder(Math.round((group.length * (all.n ?? 0)) / Math.max(1, members.length)), counts);
    };
    const cut = (id: string, who: Member[], counts: number[]) => {
      for (const [index, code] of assignByRank(who.map((m) => ({key: m.index, value: latent(m, id)})), counts, codesOf(id))) answers[index][id] = code;
    };
    for (const item of codebook.items.filter((i) => !i.scale))
      for (const [role, group] of levels(itemShown(item.id))) {
        const counts = targetOf(item.id, role, group);
        cut(item.id, ordered(group).slice(0, sum(counts)), counts);
      }
    for (const scale of codebook.scales) {
      const ids = codebook.items.filter((i) => i.scale === scale.id).map((i) => i.id);
      const shown = ids.every(itemShown) && roles.every((r) => tables.means[scale.id][r]?.u[sizeClass]?.n != null);
      for (const [role, group] of levels(shown)) {
        const where = `${sizeClass}${role === "alle" ? "" : ` ${role}`} ${scale.id}`;
        const order = ordered(group);
        const targets = ids.map((id) => targetOf(id, role, group));
        const sizes = targets.map(sum);
        const row = tables.means[scale.id][role]?.u[sizeClass];
        const complete = Math.min(row && !row.suppressed && row.n != null ? row.n : Math.min(...sizes), ...sizes);
        // The first `complete` answer every item; the rest fill the items' counts, fewest answers first, so that
        // none of them answers them all.
        const rest = order.slice(complete);
        const taken = new Map(rest.map((m) => [m.index, 0]));
        ids.forEach((id, k) => {
          const extra = rest.slice().sort((a, b) => taken.get(a.index)! - taken.get(b.index)!).slice(0, sizes[k] - complete);
          for (const m of extra) taken.set(m.index, taken.get(m.index)! + 1);
          cut(id, [...order.slice(0, complete), ...extra], targets[k]);
        });
        if ([...taken.values()].some((t) => t === ids.length)) misses.push(`${where}: aantal met een volledige score`);
        if (!row || row.suppressed || row.mean == null || !row.n) continue;
        if (!calibrateScale(group, answers, ids, Math.round(row.mean * row.n * ids.length))) misses.push(`${where}: som van de scores`);
        else if (row.se != null && !calibrateSpread(group, answers, ids, spreadTarget(row, ids.length, inClass.length, sizeClass, population), random)) misses.push(`${where}: spreiding van de scores`);
      }
    }
  }
  const order = random.shuffle(members);
  return {
    responses: {
      file: "synthetisch",
      respondents: order.map((m, i) => ({
        line: i + 1,
        sourceId: `S${String(i + 1).padStart(4, "0")}`,
        background: {size_class: m.sizeClass, role: m.role, functie: null},
        answers: answers[m.index]
      }))
    },
    misses
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Swaps answers of one item between a respondent with a complete score and one without, until the complete
 * respondents' codes add up to `target`; each item keeps its counts. Returns whether the target was met.
 */
function calibrateScale(group: Member[], answers: Record<string, number | null>[], ids: string[], target: number): boolean {
  const complete = group.filter((m) => ids.every((id) => answers[m.index][id] != null));
  const others = group.filter((m) => !complete.includes(m));
  let gap = target - sum(complete.flatMap((m) => ids.map((id) => answers[m.index][id]!)));
  while (gap !== 0) {
    let best: {a: Member; b: Member; id: string; change: number} | null = null;
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
function calibrateSpread(group: Member[], answers: Record<string, number | null>[], ids: string[], target: number, random: Random): boolean {
  const complete = group.filter((m) => ids.every((id) => answers[m.index][id] != null));
  const total = (m: Member) => ids.reduce((a, id) => a + answers[m.index][id]!, 0);
  const sums = new Map(complete.map((m) => [m.index, total(m)]));
  let gap = target - sum([...sums.values()].map((x) => x * x));
  // Best improvement first; where none is left, a random swap (at most MAX_DETOURS) before searching on.
  for (let detours = 0; gap !== 0; ) {
    let best: {a: Member; b: Member; id: string; change: number} | null = null;
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
