import {csvText} from "../../src/components/csv.ts";
import type {Codebook} from "../codebook/codebook.ts";
import type {ReconstructedRespondent} from "../reconstruct/reconstruct.ts";

/** The reconstruction as a survey tool would export it: one row per respondent, codes, empty = unanswered. */
export function reconstructionCsv(respondents: ReconstructedRespondent[], codebook: Codebook): string {
  const header = ["respondent_id", "size_class", "role", "functie", ...codebook.items.map((i) => i.id)];
  return csvText(header, respondents.map((r) => [r.sourceId, r.sizeClass, r.role, r.functie ?? "", ...codebook.items.map((i) => r.answers[i.id])]));
}
