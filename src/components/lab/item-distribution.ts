// One item's answer distribution per size class and in total, counted and finished by the story's own functions
// (countAnswers, finishDistribution), so the lab's Likert charts show the story's numbers; size classes under
// the small-group limit, and then the total, are hidden.
import {countAnswers} from "../story/engine-js.js";
import {finishDistribution, TOTAL, type DistributionRow, type StoryFilter} from "../story/model.js";
import {domainMean, stratumMoments} from "../stats/domain-mean.js";
import type {MeanInterval} from "../stats/mean-interval.js";
import type {GroupProtection} from "../stats/suppression.js";
import type {Respondent} from "../survey/respondent.js";
import {optionsOf, type SurveyMeta} from "../survey/survey-meta.js";
import {protectedSizeClasses} from "./small-groups.js";
import {LAB_INTERVAL} from "./scale-intervals.js";

/** Everyone, unweighted: the report's view. */
function allRespondents(meta: SurveyMeta): StoryFilter {
  return {sizes: meta.sizeClasses, role: "alle", weighted: false} as StoryFilter;
}

function protectionOf(respondents: readonly Respondent[], meta: SurveyMeta, itemId: string): GroupProtection {
  return protectedSizeClasses(respondents, meta.sizeClasses, (r) => r[itemId] !== null);
}

export function itemDistribution(respondents: readonly Respondent[], meta: SurveyMeta, itemId: string): DistributionRow[] {
  const cells = countAnswers(respondents, {items: [itemId], weighted: false});
  // finishDistribution applies the small-group rule itself (hidden classes, and the total with them)
  return finishDistribution(cells, {items: [itemId], options: (id) => optionsOf(meta, id), filter: allRespondents(meta), design: meta, bySize: true});
}

export interface GroupMean extends MeanInterval {
  group: string;
}

/**
 * The item's mean with its interval per shown size class and in total: the unweighted mean over those who
 * answered, its variance under the stratified design with the finite population correction (the story's
 * definition, survey::svymean on the domain).
 */
export function itemMeans(respondents: readonly Respondent[], meta: SurveyMeta, itemId: string): GroupMean[] {
  const values = respondents.map((r) => r[itemId] as number | null);
  const strata = respondents.map((r) => r.size_class);
  const population = meta.population.sizeClassCounts;
  const {hidden, totalHidden} = protectionOf(respondents, meta, itemId);
  const groups = [...meta.sizeClasses.filter((h) => !hidden.has(h)), ...(totalHidden ? [] : [TOTAL])];
  return groups.map((group) => ({
    group,
    ...domainMean(stratumMoments(values, strata, null, group === TOTAL ? undefined : strata.map((h) => h === group)), population, LAB_INTERVAL)
  }));
}
