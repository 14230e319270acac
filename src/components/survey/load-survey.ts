// The survey data layer of every page: the respondents (respondents.parquet, decoded with hyparquet so the first chart
// needs no DuckDB) and the metadata (survey-meta.json), loaded once per page. A page needs this one import.
import {FileAttachment} from "observablehq:stdlib";
import {readParquetRows} from "../parquet.js";
import {toRespondent, type Respondent} from "./respondent.js";
import type {SurveyMeta} from "./survey-meta.js";

export interface Survey {
  respondents: Respondent[];
  meta: SurveyMeta;
}

let loading: Promise<Survey> | undefined;

/** The respondents and the metadata, fetched once per page. */
export function loadSurvey(): Promise<Survey> {
  return (loading ??= (async () => {
    const [bytes, meta] = await Promise.all([
      FileAttachment("../../data/site/respondents.parquet").arrayBuffer(),
      FileAttachment("../../data/site/survey-meta.json").json() as Promise<SurveyMeta>
    ]);
    return {respondents: (await readParquetRows(bytes)).map(toRespondent), meta};
  })());
}
