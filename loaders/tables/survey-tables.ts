import type {Codebook} from "../codebook/codebook.ts";
import {postStratificationWeights} from "../../src/components/stats/post-stratification.ts";
import {scaleScore} from "../../src/components/stats/scale-score.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import type {OutputTable} from "./output-table.ts";

/** Background variables published in respondents.parquet (the codebook's "publish" policy), in this order. */
const publishedBackground = (codebook: Codebook) => codebook.background.filter((b) => b.policy === "publish").map((b) => b.id);

/** Pseudonyms r001, r002, ... in export order: the survey tool's id never leaves the pipeline. */
export function pseudonym(index: number, count: number): string {
  return `r${String(index + 1).padStart(Math.max(3, String(count).length), "0")}`;
}

/**
 * The four published tables: respondents (wide, with weights and scale scores), answers (long),
 * items and response_options (the codebook as tables, so SQL can join labels).
 */
export function surveyTables(responses: SurveyResponses, codebook: Codebook): OutputTable[] {
  const {respondents} = responses;
  const weights = postStratificationWeights(respondents.map((r) => r.background.size_class ?? ""), codebook.population.size_class_counts);
  const background = publishedBackground(codebook);
  const scales = codebook.scales.map((scale) => ({id: scale.id, items: codebook.items.filter((i) => i.scale === scale.id).map((i) => i.id)}));
  const ids = respondents.map((_, i) => pseudonym(i, respondents.length));

  const respondentsTable: OutputTable = {
    name: "respondents",
    columns: [
      {name: "respondent_id", type: "VARCHAR"},
      ...background.map((name) => ({name, type: "VARCHAR" as const})),
      {name: "weight", type: "DOUBLE"},
      ...codebook.items.map((item) => ({name: item.id, type: "INTEGER" as const})),
      ...scales.map((scale) => ({name: scale.id, type: "DOUBLE" as const}))
    ],
    rows: respondents.map((r, i) => [
      ids[i],
      ...background.map((b) => r.background[b]),
      weights[i],
      ...codebook.items.map((item) => r.answers[item.id]),
      ...scales.map((scale) => scaleScore(r.answers, scale.items))
    ])
  };

  const labelOf = new Map<string, string>();
  for (const item of codebook.items)
    for (const option of codebook.response_scales[item.response_scale].options) labelOf.set(`${item.id}\u0000${option.code}`, option.label);
  const answersTable: OutputTable = {
    name: "answers",
    columns: [
      {name: "respondent_id", type: "VARCHAR"},
      {name: "item_id", type: "VARCHAR"},
      {name: "code", type: "INTEGER"},
      {name: "label", type: "VARCHAR"}
    ],
    rows: respondents.flatMap((r, i) =>
      codebook.items.filter((item) => r.answers[item.id] !== null).map((item) => [ids[i], item.id, r.answers[item.id], labelOf.get(`${item.id}\u0000${r.answers[item.id]}`)!])
    )
  };

  return [respondentsTable, answersTable, itemsTable(codebook), responseOptionsTable(codebook)];
}

/** The codebook's items as a table (items.parquet), so SQL can join question texts and sections. */
export function itemsTable(codebook: Codebook): OutputTable {
  return {
    name: "items",
    columns: [
      ...["item_id", "section", "scale", "text_nl", "label_en", "response_scale", "topic", "figure"].map((name) => ({name, type: "VARCHAR" as const})),
      {name: "text_reconstructed", type: "INTEGER"},
      {name: "item_order", type: "INTEGER"}
    ],
    rows: codebook.items.map((item, order) => [item.id, item.section, item.scale, item.text_nl, item.label_en, item.response_scale, item.topic, item.figure ?? null, item.text_reconstructed ? 1 : 0, order + 1])
  };
}

/** Every response scale's codes and labels (response_options.parquet). */
export function responseOptionsTable(codebook: Codebook): OutputTable {
  return {
    name: "response_options",
    columns: [
      {name: "response_scale", type: "VARCHAR"},
      {name: "code", type: "INTEGER"},
      {name: "label", type: "VARCHAR"},
      {name: "scale_reconstructed", type: "INTEGER"}
    ],
    rows: Object.entries(codebook.response_scales).flatMap(([id, scale]) => scale.options.map((o) => [id, o.code, o.label, scale.reconstructed ? 1 : 0]))
  };
}
