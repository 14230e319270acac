// The scoring rule decides the n's: the report's rule (every item of the scale answered) against a looser one
// (at least a share of the items, the mean of what was answered), per scale and per size class.
import {mean} from "../stats/weighted-mean.js";
import {scaleScore} from "../stats/scale-score.js";
import type {GroupProtection} from "../stats/suppression.js";
import type {Respondent} from "../survey/respondent.js";
import type {SurveyMeta, SurveyScale} from "../survey/survey-meta.js";
import {protectedSizeClasses} from "./small-groups.js";

export interface RuleOutcome {
  n: number;
  mean: number;
}

export interface ScaleRuleRow {
  scale: SurveyScale;
  /** The report's rule: the data's scale column. */
  all: RuleOutcome;
  loose: RuleOutcome;
}

function outcome(scores: (number | null)[]): RuleOutcome {
  return {n: scores.filter((v) => v !== null).length, mean: mean(scores)};
}

export function scaleRuleRows(respondents: readonly Respondent[], meta: SurveyMeta, minShare: number): ScaleRuleRow[] {
  return meta.scales.map((scale) => ({
    scale,
    all: outcome(respondents.map((r) => r[scale.id] as number | null)),
    loose: outcome(respondents.map((r) => scaleScore(r, scale.items, {minShare})))
  }));
}

export interface ClassRuleRow {
  group: string;
  all: RuleOutcome;
  loose: RuleOutcome;
}

/** One scale per size class and in total under both rules; classes with 1-4 scores under either rule stay hidden. */
export function scaleRuleByClass(respondents: readonly Respondent[], meta: SurveyMeta, scale: SurveyScale, minShare: number): {rows: ClassRuleRow[]; protection: GroupProtection} {
  const loose = (r: Respondent) => scaleScore(r, scale.items, {minShare});
  const strict = protectedSizeClasses(respondents, meta.sizeClasses, (r) => r[scale.id] !== null);
  const wide = protectedSizeClasses(respondents, meta.sizeClasses, (r) => loose(r) !== null);
  const protection: GroupProtection = {hidden: new Set([...strict.hidden, ...wide.hidden]), totalHidden: strict.totalHidden || wide.totalHidden};
  const row = (group: string, members: readonly Respondent[]): ClassRuleRow => ({
    group,
    all: outcome(members.map((r) => r[scale.id] as number | null)),
    loose: outcome(members.map(loose))
  });
  const rows = meta.sizeClasses.filter((h) => !protection.hidden.has(h)).map((h) => row(h, respondents.filter((r) => r.size_class === h)));
  if (!protection.totalHidden) rows.push(row("Totaal", respondents));
  return {rows, protection};
}
