// The protected tables: every aggregate the story pages can show, computed once at build time from the real
// responses, for every filter the pages offer (each selection of size classes x role x weighting), with primary
// and secondary suppression applied. They are computed by the story's own code: the JavaScript engine's counting
// (story/engine-js.ts) and the finishing functions with the one small-group rule (story/model.ts,
// stats/suppression.ts). src/components/story/engine-tables.ts answers the story from them in the browser.
import type {Codebook} from "../codebook/codebook.ts";
import type {OutputTable} from "../tables/output-table.ts";
import type {Respondent} from "../../src/components/survey/respondent.ts";
import {countAnswers, scaleMoments} from "../../src/components/story/engine-js.ts";
import {finishDistribution, finishMeans, TOTAL, type ResponseOption, type StoryDesign, type StoryFilter} from "../../src/components/story/model.ts";
import {groupKey, weightKey, type ProtectedDistributionGroup, type ProtectedMeanGroup, type ProtectedTables, type WeightKey} from "../../src/components/story/engine-tables.ts";
import {protectGroups} from "../../src/components/stats/suppression.ts";

/** The rows of the published respondents table as the pages see them (one object per respondent). */
export function respondentRecords(tables: OutputTable[]): Respondent[] {
  const table = tables.find((t) => t.name === "respondents");
  if (!table) throw new Error("invalid site data: no respondents table");
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])) as Respondent);
}

/** Every selection of size classes a reader can tick (including none), as filters' `sizes`. */
export function sizeSelections(sizeClasses: readonly string[]): string[][] {
  return Array.from({length: 2 ** sizeClasses.length}, (_, mask) => sizeClasses.filter((_, i) => mask & (1 << i)));
}

export interface ProtectedTablesInput {
  respondents: readonly Respondent[];
  codebook: Codebook;
}

/** The story's design and answer options from the codebook (as survey-meta.ts gives them to the pages). */
export function storyDesignOf(codebook: Codebook): {design: StoryDesign; roles: string[]; options: (item: string) => ResponseOption[]} {
  const valuesOf = (id: string) => codebook.background.find((b) => b.id === id)?.values ?? [];
  const byId = new Map(codebook.items.map((i) => [i.id, i]));
  return {
    design: {sizeClasses: valuesOf("size_class"), population: codebook.population.size_class_counts},
    roles: valuesOf("role"),
    options: (item) => codebook.response_scales[byId.get(item)!.response_scale].options.map(({code, label}) => ({code, label}))
  };
}

export function protectedTables({respondents, codebook}: ProtectedTablesInput): ProtectedTables {
  const {design, roles, options} = storyDesignOf(codebook);
  const items = codebook.items.map((i) => i.id);
  const scales = codebook.scales.map((s) => s.id);
  const distributions: ProtectedTables["distributions"] = Object.fromEntries(items.map((i) => [i, {}]));
  const means: ProtectedTables["means"] = Object.fromEntries(scales.map((s) => [s, {}]));
  for (const weighted of [false, true]) {
    const w: WeightKey = weightKey(weighted);
    const answerCells = countAnswers(respondents, {items, weighted});
    const momentCells = new Map(scales.map((scale) => [scale, scaleMoments(respondents, {scale, weighted})]));
    for (const role of ["alle", ...roles])
      for (const sizes of sizeSelections(design.sizeClasses)) {
        const filter: StoryFilter = {sizes, role, weighted};
        for (const row of finishDistribution(answerCells, {items, options, filter, design, bySize: true})) {
          // A size class's row is the same whatever else is selected: stored once, from the full selection.
          if (row.group !== TOTAL && sizes.length !== design.sizeClasses.length) continue;
          const groups = ((distributions[row.item_id][role] ??= {} as Record<WeightKey, Record<string, ProtectedDistributionGroup>>)[w] ??= {});
          const group = (groups[groupKey(row.group, filter, design.sizeClasses)] ??= {n: row.n, suppressed: row.suppressed, count: [], ...(weighted && {share: []})});
          group.count.push(row.count);
          group.share?.push(row.share);
        }
        for (const scale of scales)
          for (const {group, ...row} of finishMeans(momentCells.get(scale)!, {filter, design})) {
            const groups = ((means[scale][role] ??= {} as Record<WeightKey, Record<string, ProtectedMeanGroup>>)[w] ??= {});
            groups[groupKey(group, filter, design.sizeClasses)] = row;
          }
      }
  }
  return {publication: "protected", sizeClasses: [...design.sizeClasses], roles, distributions, means, cells: respondentCells(respondents, design.sizeClasses, roles)};
}

/** Respondents per size class x role, with a size class's split hidden when any role in it has 1-4 respondents. */
export function respondentCells(respondents: readonly Respondent[], sizeClasses: readonly string[], roles: readonly string[]): ProtectedTables["cells"] {
  const n = (s: string, r: string) => respondents.filter((x) => x.size_class === s && x.role === r).length;
  const cells = sizeClasses.flatMap((s) => roles.map((r) => ({sizeClass: s, role: r, n: n(s, r)})));
  const split: ProtectedTables["cells"] = {};
  for (const s of sizeClasses) {
    const hidden = roles.some((r) => protectGroups({cells, sizes: [s], role: r}).hidden.has(s));
    split[s] = Object.fromEntries(roles.map((r) => [r, hidden ? null : n(s, r)]));
  }
  return split;
}
