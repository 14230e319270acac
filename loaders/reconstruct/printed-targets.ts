// The reconstruction's targets: the report's printed numbers (data/published.json: the scale tables' means and n's per
// size class and in total) with the reconstruction's design (design.ts: the sample's composition, the questionnaire's
// dropout plan that yields the printed n's, the printed and the invented answer distributions). The engine
// (engine.ts) turns them into the 107 reconstructed respondents.
import type {Codebook} from "../codebook/codebook.ts";
import type {PublishedTable} from "../../src/components/survey/survey-meta.ts";
import {itemDesign, nonresponsePlan, otherFunctions, respondentsPerClass, secretariesPerClass, sizeClassOrder} from "./design.ts";
import type {AnswerTarget, TargetTables} from "./target-tables.ts";

/** The report prints means with two decimals, rounded half up (published.json `precision_note`). */
export const PRINTED_DECIMALS = 2;

export function printedTargets(codebook: Codebook, tables: readonly PublishedTable[]): TargetTables {
  const roles = codebook.background.find((b) => b.id === "role")?.values ?? [];
  if (roles.length !== 2) throw new Error(`invalid codebook for the reconstruction: expected two roles, found ${roles.length}`);
  const [secretary, other] = roles;
  const sample = Object.fromEntries(sizeClassOrder.map((c) => [c, {[secretary]: secretariesPerClass[c], [other]: respondentsPerClass[c] - secretariesPerClass[c]}]));
  const answers: Record<string, AnswerTarget[]> = {};
  for (const item of codebook.items) {
    const design = itemDesign[item.id];
    if (!design) throw new Error(`reconstruction design has no entry for item ${item.id}`);
    // Infrastructure: the share Ja is set per size class; the rest over the whole sample, printed or invented.
    const {yesShareByClass, counts, shares} = design;
    answers[item.id] = yesShareByClass
      ? sizeClassOrder.map((sizeClass) => ({sizeClass, kind: "top share", share: yesShareByClass[sizeClass]}))
      : [counts ? {kind: "counts", counts} : {kind: "shares", shares: shares!}];
  }
  const scales = tables.map((table) => {
    const items = codebook.items.filter((i) => i.scale === table.scale).length;
    if (items !== table.items) throw new Error(`${table.id}: the report averages ${table.items} items of ${table.scale}, the codebook has ${items}`);
    return {
      scale: table.scale,
      source: table.id,
      // The printed n where it is consistent with the other tables (published.json records the slips).
      groups: table.rows.map((row) => ({group: {sizeClass: row.size_class}, complete: row.n_consistent ?? row.n, score: {kind: "printed" as const, mean: row.mean, decimals: PRINTED_DECIMALS}})),
      total: {mean: table.total.mean}
    };
  });
  return {
    sizeClasses: [...sizeClassOrder],
    roles,
    sample,
    functions: {role: other, shares: otherFunctions},
    nonresponse: {kind: "questionnaire plan", plan: nonresponsePlan},
    answers,
    scales
  };
}
