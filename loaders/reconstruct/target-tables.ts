// What the calibration engine (engine.ts) makes its respondents reproduce, in the survey's own terms: who is in the
// sample, how many give each answer, and what each scale's complete scores add up to. Two sets of targets exist:
// the report's printed numbers with the reconstruction's design (printed-targets.ts, open publication of the
// reconstructed responses) and the protected tables of a real export (loaders/protect/protected-targets.ts, the
// synthetic responses of protected publication). The engine does not know which one it is given.
import type {NonresponsePlan} from "./design.ts";

/** A group of respondents: one size class, one role, both, or (neither given) the whole sample. */
export interface TargetGroup {
  sizeClass?: string;
  role?: string;
}

/**
 * How many respondents in a group give each answer code (in the item's code order):
 * - `counts`: exactly these (a published or printed distribution); calibration never moves such an answer;
 * - `shares`: a model distribution among whoever answers, made counts by the largest remainder;
 * - `top share`: the share giving the top code of a two-code item (Ja), rounded half up, the rest the other code.
 */
export type AnswerTarget = TargetGroup & ({kind: "counts"; counts: number[]} | {kind: "shares"; shares: number[]} | {kind: "top share"; share: number});

/**
 * What the complete scale scores of a group add up to (a score is complete when every item of the scale is answered):
 * - `exact`: the sum of the respondents' item codes, and optionally the sum of the squares of those per-respondent
 *   sums (behind a published standard error); reached by swapping answers, so every item keeps its counts;
 * - `printed`: a mean printed at `decimals` decimals (rounded half up); reached by moving single answers one code
 *   (those nearest a latent boundary), jointly with the scale's printed total.
 */
export type ScoreTarget = {kind: "exact"; sum: number; squares?: number} | {kind: "printed"; mean: number; decimals: number};

export interface ScaleGroupTarget {
  group: TargetGroup;
  /** Respondents in the group with a complete score. */
  complete: number;
  /** What their scores add up to; absent when the tables hide it (the group is then only drawn, not calibrated). */
  score?: ScoreTarget;
}

export interface ScaleTarget {
  scale: string;
  /** Where the targets come from, for reports ("Tabel 1"); absent for tables that have no name. */
  source?: string;
  groups: ScaleGroupTarget[];
  /** Printed targets: the mean over all the groups together, printed at the same precision. */
  total?: {mean: number};
}

/**
 * Who leaves which question open:
 * - `questionnaire plan`: the questionnaire's dropout and skips per size class (design.ts), which yield the printed
 *   n's; the role order within a size class is drawn first, so the plan's random picks fall on either role;
 * - `answer counts`: each respondent draws a persistence; in every group the most persistent answer, as many as the
 *   answer targets count, and a scale's complete scores go to its most persistent respondents.
 */
export type NonresponseTarget = {kind: "questionnaire plan"; plan: NonresponsePlan} | {kind: "answer counts"};

export interface TargetTables {
  /** The size classes and roles, in the codebook's order. */
  sizeClasses: string[];
  roles: string[];
  /** Respondents per size class and role. */
  sample: Record<string, Record<string, number>>;
  /** Function titles drawn for respondents in one role (invented shares), or none. */
  functions?: {role: string; shares: [string, number][]};
  nonresponse: NonresponseTarget;
  /** Per item, one target per group; together the groups of an item hold everyone who may answer it. */
  answers: Record<string, AnswerTarget[]>;
  /** Per scale, in the order the engine calibrates them. */
  scales: ScaleTarget[];
}

/** Whether a respondent belongs to a group. */
export function inGroup(group: TargetGroup, respondent: {sizeClass: string; role: string}): boolean {
  return (group.sizeClass === undefined || group.sizeClass === respondent.sizeClass) && (group.role === undefined || group.role === respondent.role);
}

/** A group in words, for reports: "50.001-100.000 gemeentesecretaris", "alle". */
export function groupName(group: TargetGroup): string {
  return [group.sizeClass, group.role].filter((x) => x !== undefined).join(" ") || "alle";
}
