// The one calibration engine. Given target tables (target-tables.ts) it draws respondents from the latent factor
// model (design.ts, latent-model.ts), decides who answers what, cuts each item's latent values by rank into the
// target counts (exact counts, a Gaussian copula), and calibrates every scale to its targets. It makes both:
// - the reconstructed responses, whose targets are the report's printed numbers (printed-targets.ts, reconstruct.ts);
// - the synthetic responses of protected publication, whose targets are the protected tables
//   (loaders/protect/protected-targets.ts, synthesise.ts).
// What truly differs between target sets is chosen by the kind of target, as named parts:
// - nonresponse: the questionnaire's dropout plan (nonresponse.ts) or answer counts met by drawn persistence
//   (persistence.ts);
// - scale scores: a printed mean at printed precision, met by nudging single answers (nudge-calibration.ts, after
//   latent class shifts have brought the class means near the printed ones), or an exact sum and sum of squares, met by
//   swapping answers (swap-calibration.ts).
import type {Codebook} from "../codebook/codebook.ts";
import {itemDesign, type Topic} from "./design.ts";
import {largestRemainder} from "./largest-remainder.ts";
import {assignByRank, drawFactors} from "./latent-model.ts";
import {answeredItems} from "./nonresponse.ts";
import {chooseTargetSums, latentThresholds, nudgeToSum, type Cell} from "./nudge-calibration.ts";
import {persistentAnswers} from "./persistence.ts";
import type {Random} from "./random.ts";
import {swapToSquares, swapToSum, type Answers} from "./swap-calibration.ts";
import {groupName, inGroup, type AnswerTarget, type ScaleTarget, type TargetGroup, type TargetTables} from "./target-tables.ts";

export type {Answers} from "./swap-calibration.ts";

/** A drawn respondent (index = position in the draw). */
export interface DrawnRespondent {
  index: number;
  sizeClass: string;
  role: string;
  functie: string | null;
  /** How far into the questionnaire the respondent goes (answer-count nonresponse only; 0 otherwise). */
  persistence: number;
}

export interface Calibration {
  /** In the order they were drawn: size class by size class. */
  respondents: DrawnRespondent[];
  /** By respondent index, then item, in the codebook's order (null: not answered). */
  answers: Answers;
  /** Single answers moved one code, per scale with printed targets ("Tabel 1 beschikbaarheid"). */
  calibrationMoves: Record<string, number>;
  /** Latent shift per scale with printed targets and size class, after pre-calibration. */
  classShifts: Record<string, Record<string, number>>;
  /** Targets that could not be met exactly (empty when everything was reproduced). */
  misses: string[];
}

/** Rounds of latent class shifts before cutting for good (printed targets). */
const PRE_CALIBRATION_ROUNDS = 12;
/** Loading of an item the design does not know (a codebook item added after the reconstruction was designed). */
const DEFAULT_LOADING = 0.6;

/**
 * Draws and calibrates respondents to `targets`, with draws from `random` (the caller seeds it and may draw on after).
 * Deterministic: the same targets and seed give the same respondents.
 */
export function calibrateToTargets(targets: TargetTables, {codebook, random}: {codebook: Codebook; random: Random}): Calibration {
  const respondents = drawSample(targets, random);
  const factors = drawFactors(respondents.length, random);
  const noise = respondents.map(() => Object.fromEntries(codebook.items.map((item) => [item.id, random.normal()])) as Record<string, number>);
  const answered =
    targets.nonresponse.kind === "questionnaire plan"
      ? answeredItems(respondents, codebook, targets.nonresponse.plan, random)
      : persistentAnswers(respondents, targets, codebook);

  const itemById = new Map(codebook.items.map((item) => [item.id, item]));
  const codesOf = (id: string) => codebook.response_scales[itemById.get(id)!.response_scale].options.map((o) => o.code);
  const idsOf = (scale: string) => codebook.items.filter((i) => i.scale === scale).map((i) => i.id);
  const membersOf = (group: TargetGroup) => respondents.filter((m) => inGroup(group, m));
  const completeIn = (group: TargetGroup, ids: string[]) => membersOf(group).filter((m) => ids.every((id) => answered.get(m.index)!.has(id)));
  const misses: string[] = [];
  for (const {scale, groups} of targets.scales)
    for (const {group, complete} of groups) {
      const n = completeIn(group, idsOf(scale)).length;
      if (n !== complete) misses.push(`${groupName(group)} ${scale}: aantal met een volledige score (${n}, doel ${complete})`);
    }

  // Latent shifts per (scale, size class) for printed targets: scale items are cut over the whole sample, so the
  // class means depend on them; answer targets within one size class do not (ranks within a class ignore a shift).
  const printed = targets.scales.filter((t) => t.groups.some((g) => g.score?.kind === "printed"));
  const classShifts: Record<string, Record<string, number>> = {};
  for (const {scale} of printed) classShifts[scale] = Object.fromEntries(targets.sizeClasses.map((c) => [c, 0]));
  const latent = (m: DrawnRespondent, id: string) => {
    const item = itemById.get(id)!;
    const design = itemDesign[id];
    const loading = design?.loading ?? DEFAULT_LOADING;
    const shift = item.scale ? classShifts[item.scale]?.[m.sizeClass] ?? 0 : (design?.classShift as Record<string, number> | undefined)?.[m.sizeClass] ?? 0;
    return loading * factors[m.index][item.topic as Topic] + Math.sqrt(1 - loading ** 2) * noise[m.index][id] + shift;
  };

  const answers: Answers = respondents.map(() => Object.fromEntries(codebook.items.map((i) => [i.id, null])));
  const cutAll = () => {
    for (const item of codebook.items) {
      const itemTargets = targets.answers[item.id];
      if (!itemTargets) throw new Error(`invalid targets: no answer target for item ${item.id}`);
      for (const target of itemTargets) {
        const who = respondents.filter((m) => answered.get(m.index)!.has(item.id) && inGroup(target, m));
        for (const [index, code] of assignByRank(who.map((m) => ({key: m.index, value: latent(m, item.id)})), countsOf(target, who.length), codesOf(item.id))) answers[index][item.id] = code;
      }
    }
  };
  const scoreSum = (who: readonly DrawnRespondent[], ids: string[]) => who.reduce((a, m) => a + ids.reduce((b, id) => b + answers[m.index][id]!, 0), 0);

  for (let round = 0; round < (printed.length ? PRE_CALIBRATION_ROUNDS : 0); round++) {
    cutAll();
    for (const {scale, groups} of printed) {
      const ids = idsOf(scale);
      for (const {group, score} of groups) {
        if (score?.kind !== "printed") continue;
        if (group.sizeClass === undefined || group.role !== undefined) throw new Error(`invalid targets: printed means of ${scale} must be per size class`);
        const who = completeIn(group, ids);
        classShifts[scale][group.sizeClass] += (score.mean - scoreSum(who, ids) / (who.length * ids.length)) / 0.8;
      }
    }
  }
  cutAll();

  const calibrationMoves: Record<string, number> = {};
  const locked = (id: string) => (targets.answers[id] ?? []).some((t) => t.kind === "counts");
  for (const target of targets.scales) {
    const ids = idsOf(target.scale);
    if (printed.includes(target)) {
      calibrationMoves[`${target.source ? `${target.source} ` : ""}${target.scale}`] = nudgeScale(target, ids);
      continue;
    }
    for (const {group, score} of target.groups) {
      if (score?.kind !== "exact") continue;
      const where = `${groupName(group)} ${target.scale}`;
      const members = membersOf(group);
      if (!swapToSum(members, answers, ids, score.sum)) misses.push(`${where}: som van de scores`);
      else if (score.squares !== undefined && !swapToSquares(members, answers, ids, score.squares, random)) misses.push(`${where}: spreiding van de scores`);
    }
  }
  return {respondents, answers, calibrationMoves, classShifts, misses};

  /** Nudges the scale's printed groups to sums that round as printed, jointly with the total; returns the moves. */
  function nudgeScale(target: ScaleTarget, ids: string[]): number {
    const thresholds = new Map(ids.map((id) => [id, latentThresholds(answeredCodes(id), (index) => latent(respondents[index], id), codesOf(id))]));
    const groups = target.groups.flatMap(({group, complete, score}) => (score?.kind === "printed" ? [{group, complete, score}] : []));
    const current = groups.map(({group}) => scoreSum(completeIn(group, ids), ids));
    const decimals = groups[0].score.decimals;
    const chosen = target.total
      ? chooseTargetSums(groups.map((g, i) => ({mean: g.score.mean, n: g.complete, current: current[i]})), target.total, ids.length, decimals)
      : groups.map((g, i) => chooseTargetSums([{mean: g.score.mean, n: g.complete, current: current[i]}], g.score, ids.length, decimals)[0]);
    let moves = 0;
    groups.forEach(({group}, i) => {
      const fixed = completeIn(group, ids);
      const movable = ids.filter((id) => !locked(id));
      const cells: Cell[] = fixed.flatMap((m) => movable.map((id) => ({respondent: m.index, item: id, code: answers[m.index][id]!, latent: latent(m, id)})));
      const lockedSum = fixed.reduce((a, m) => a + ids.filter(locked).reduce((b, id) => b + answers[m.index][id]!, 0), 0);
      moves += nudgeToSum(cells, chosen[i] - lockedSum, (cell) => thresholds.get(cell.item)!(cell.code), (id) => Math.max(...codesOf(id)), (id) => Math.min(...codesOf(id)));
      for (const cell of cells) answers[cell.respondent][cell.item] = cell.code;
    });
    return moves;
  }

  function answeredCodes(id: string): [number, number][] {
    return respondents.flatMap((m) => (answers[m.index][id] == null ? [] : [[m.index, answers[m.index][id]!] as [number, number]]));
  }
}

/** The counts over an item's codes among `answering` respondents of a group. */
function countsOf(target: AnswerTarget, answering: number): number[] {
  switch (target.kind) {
    case "counts":
      return target.counts;
    case "shares":
      return largestRemainder(answering, target.shares);
    case "top share": {
      const top = Math.round(target.share * answering);
      return [answering - top, top];
    }
  }
}

/**
 * The sample: size class by size class, each role as often as the targets say. With a questionnaire plan the role
 * order within a class is drawn (the plan picks its dropouts from the class); with answer counts each respondent
 * draws a persistence instead. Function titles are drawn for the role that has them.
 */
function drawSample(targets: TargetTables, random: Random): DrawnRespondent[] {
  const planned = targets.nonresponse.kind === "questionnaire plan";
  const respondents: DrawnRespondent[] = [];
  for (const sizeClass of targets.sizeClasses) {
    const roles = targets.roles.flatMap((role) => Array.from({length: targets.sample[sizeClass]?.[role] ?? 0}, () => role));
    for (const role of planned ? random.shuffle(roles) : roles) {
      const functie = targets.functions?.role === role ? pickFunction(targets.functions.shares, random.uniform()) : null;
      respondents.push({index: respondents.length, sizeClass, role, functie, persistence: planned ? 0 : random.uniform()});
    }
  }
  return respondents;
}

function pickFunction(shares: readonly [string, number][], u: number): string {
  let acc = 0;
  for (const [name, share] of shares) if (u < (acc += share)) return name;
  return shares[shares.length - 1][0];
}
