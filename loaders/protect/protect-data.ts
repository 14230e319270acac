// Protected publication in one step, from the real published tables of an export to what the site may carry: the
// protected tables (the story), synthetic responses calibrated to them (SQL, notebook, lab, downloads) and the
// disclosure report. The real records stay in this function.
//
// A size class with 1-4 respondents is hidden in every table, and so is every total that includes it; its count must
// not follow from anything else either. The provenance leaves it out of the counts and says "minder dan 5"
// (site-data.ts): the published total is then the sum of the shown classes, which the tables give anyway. The
// synthetic responses give it MIN_GROUP_SIZE rows whatever its real count, so that neither their number nor their
// weights N_h / n_h tell it, while every page that computes per size class (weighting, the lab's simulations) still
// finds respondents in it. Its synthetic answers follow the shown classes together; no shown number depends on them,
// since every one that involves the class is hidden. Collapsing it with a neighbouring class for weighting, the usual
// remedy, would not do: it changes the neighbour's weights, and so shown weighted totals, and the neighbour's own
// count, which the tables show, would give the small class's count from the collapsed one.
import type {Codebook} from "../codebook/codebook.ts";
import {surveyTables} from "../tables/survey-tables.ts";
import {isSmallGroup, MIN_GROUP_SIZE} from "../../src/components/stats/suppression.ts";
import type {OutputTable} from "../tables/output-table.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import type {ProtectedTables} from "../../src/components/story/engine-tables.ts";
import {disclosureReport, type DisclosureReport} from "./disclosure.ts";
import {protectedTables, respondentRecords} from "./protected-tables.ts";
import {synthesise} from "./synthesise.ts";

export type {DisclosureReport} from "./disclosure.ts";

export interface ProtectedData {
  tables: ProtectedTables;
  synthetic: SurveyResponses;
  syntheticTables: OutputTable[];
  disclosure: DisclosureReport;
  /** Respondents per role, or {} when a size class's role split is hidden (the totals would give it by subtraction). */
  roleCounts: Record<string, number>;
  /** Size classes with 1-4 respondents: hidden everywhere, counted as "minder dan 5", MIN_GROUP_SIZE synthetic rows each. */
  hiddenSizeClasses: string[];
  /**
   * Size classes shown as a whole but, for some question or scale (or all), not per role: the synthetic responses
   * split them by role anyway, so per-role numbers for them in SQL are model outcomes there.
   */
  syntheticRoleSplits: string[];
}

/** The size classes (other than `hidden`) that some measure shows as a whole but not per role. */
export function roleSplitsHidden(tables: ProtectedTables, hidden: readonly string[]): string[] {
  const measures = [...Object.values(tables.distributions), ...Object.values(tables.means)] as Record<string, {u: Record<string, {n: number | null}>}>[];
  return tables.sizeClasses.filter((s) => !hidden.includes(s) && measures.some((byRole) => byRole.alle.u[s]?.n != null && tables.roles.some((r) => byRole[r]?.u[s]?.n == null)));
}

export function protectData({tables: realTables, codebook, sizeClassCounts}: {tables: OutputTable[]; codebook: Codebook; sizeClassCounts: Record<string, number>}): ProtectedData {
  const real = respondentRecords(realTables);
  const tables = protectedTables({respondents: real, codebook});
  const hiddenSizeClasses = tables.sizeClasses.filter((s) => isSmallGroup(sizeClassCounts[s] ?? 0));
  const syntheticCounts = Object.fromEntries(tables.sizeClasses.map((s) => [s, hiddenSizeClasses.includes(s) ? MIN_GROUP_SIZE : sizeClassCounts[s] ?? 0]));
  const {responses: synthetic, misses} = synthesise({tables, codebook, sizeClassCounts: syntheticCounts});
  const syntheticTables = surveyTables(synthetic, codebook);
  const disclosure = disclosureReport({real, synthetic: respondentRecords(syntheticTables), tables, codebook});
  disclosure.synthetic.mismatches.unshift(...misses);
  const splits = Object.values(tables.cells);
  const roleCounts = splits.every((split) => Object.values(split).every((n) => n != null))
    ? Object.fromEntries(tables.roles.map((r) => [r, splits.reduce((sum, split) => sum + split[r]!, 0)]))
    : {};
  return {tables, synthetic, syntheticTables, disclosure, roleCounts, hiddenSizeClasses, syntheticRoleSplits: roleSplitsHidden(tables, hiddenSizeClasses)};
}
