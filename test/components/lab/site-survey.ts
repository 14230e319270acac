// The site's own data for the lab's component tests, as a page gets them from loadSurvey(): the respondents table
// of the reconstructed export (through the pipeline, no site build needed) and the survey metadata.
import {siteData} from "../../../loaders/pipeline/site-data.ts";
import {toRespondent, type Respondent} from "../../../src/components/survey/respondent.ts";
import type {SurveyMeta} from "../../../src/components/survey/survey-meta.ts";

export async function siteSurvey(): Promise<{respondents: Respondent[]; meta: SurveyMeta}> {
  const {tables, meta} = await siteData();
  const table = tables.find((t) => t.name === "respondents");
  if (!table) throw new Error("the site's data have no respondents table");
  const respondents = table.rows.map((row) => toRespondent(Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]]))));
  return {respondents, meta};
}
