// Protected publication in one step, from the real published tables of an export to what the site may carry: the
// protected tables (the story), synthetic responses calibrated to them (SQL, notebook, lab, downloads) and the
// disclosure report. The real records stay in this function.
import type {Codebook} from "../codebook/codebook.ts";
import {surveyTables} from "../tables/survey-tables.ts";
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
}

export function protectData({tables: realTables, codebook, sizeClassCounts}: {tables: OutputTable[]; codebook: Codebook; sizeClassCounts: Record<string, number>}): ProtectedData {
  const real = respondentRecords(realTables);
  const tables = protectedTables({respondents: real, codebook});
  const {responses: synthetic, misses} = synthesise({tables, codebook, sizeClassCounts});
  const syntheticTables = surveyTables(synthetic, codebook);
  const disclosure = disclosureReport({real, synthetic: respondentRecords(syntheticTables), tables, codebook});
  disclosure.synthetic.mismatches.unshift(...misses);
  const splits = Object.values(tables.cells);
  const roleCounts = splits.every((split) => Object.values(split).every((n) => n != null))
    ? Object.fromEntries(tables.roles.map((r) => [r, splits.reduce((sum, split) => sum + split[r]!, 0)]))
    : {};
  return {tables, synthetic, syntheticTables, disclosure, roleCounts};
}
