// The story's engine in protected publication mode: it answers from the protected tables the pipeline computed at
// build time from the real responses (loaders/protect/protected-tables.ts), so no record of a respondent needs to
// reach the browser. The tables hold the finished rows of every filter the pages offer (each selection of size
// classes x role x weighting), with primary and secondary suppression already applied by the story's own rules
// (model.ts, stats/suppression.ts); this engine only looks them up.
import type {StoryEngine} from "./engine.js";
import {groupsOf, TOTAL, type DistributionRow, type MeanRow, type ResponseOption, type StoryDesign, type StoryFilter} from "./model.js";

/** One group of one answer distribution: counts and shares per answer code, in the item's code order. */
export interface ProtectedDistributionGroup {
  n: number | null;
  suppressed: boolean;
  count: (number | null)[];
  /** Weighted only; unweighted shares are count / n (the same division the story's engine makes), not stored. */
  share?: (number | null)[];
}

/** A mean row without its group name (the key says which group). */
export type ProtectedMeanGroup = Omit<MeanRow, "group">;

/** Weighting key: "w" (post-stratified) or "u" (unweighted, as the report). */
export type WeightKey = "u" | "w";

/**
 * The protected tables. Groups are keyed by size class, or by "Totaal|<mask>" for the total over a selection of size
 * classes (mask: one character per size class in the design's order, "1" selected). A size class's row does not
 * depend on the selection (the small-group rule looks at one class at a time), so it is stored once.
 */
export interface ProtectedTables {
  publication: "protected";
  sizeClasses: string[];
  roles: string[];
  /** item -> role ("alle" or a role) -> weighting -> group -> distribution. */
  distributions: Record<string, Record<string, Record<WeightKey, Record<string, ProtectedDistributionGroup>>>>;
  /** scale -> role -> weighting -> group -> mean row. */
  means: Record<string, Record<string, Record<WeightKey, Record<string, ProtectedMeanGroup>>>>;
  /** Respondents per size class x role (null where the small-group rule hides the split of a size class). */
  cells: Record<string, Record<string, number | null>>;
}

/** The key of a group under a filter. */
export function groupKey(group: string, filter: Pick<StoryFilter, "sizes">, sizeClasses: readonly string[]): string {
  return group === TOTAL ? `${TOTAL}|${sizeClasses.map((s) => (filter.sizes.includes(s) ? "1" : "0")).join("")}` : group;
}

export const weightKey = (weighted: boolean): WeightKey => (weighted ? "w" : "u");

/** Looks up one group of a measure under a filter; a filter the tables do not cover is an error. */
function lookup<T>(tables: ProtectedTables, byRole: Record<string, Record<WeightKey, Record<string, T>>> | undefined, what: string, filter: StoryFilter, group: string): T {
  const found = byRole?.[filter.role]?.[weightKey(filter.weighted)]?.[groupKey(group, filter, tables.sizeClasses)];
  if (!found) throw new Error(`invalid filter for the protected tables: ${what}, role ${filter.role}, group ${group}`);
  return found;
}

/** The distribution rows of the story's engine (model.ts finishDistribution), from the tables. */
export function tableDistribution(tables: ProtectedTables, {items, options, filter, design, bySize = false}: {items: string[]; options: (item: string) => ResponseOption[]; filter: StoryFilter; design: Pick<StoryDesign, "sizeClasses">; bySize?: boolean}): DistributionRow[] {
  const rows: DistributionRow[] = [];
  for (const item of items)
    for (const group of groupsOf(filter, design, bySize)) {
      const cell = lookup(tables, tables.distributions[item], item, filter, group);
      const share = (k: number) => (cell.share ? cell.share[k] : cell.count[k] == null || !cell.n ? null : cell.count[k]! / cell.n);
      options(item).forEach(({code, label}, k) => rows.push({item_id: item, group, code, label, count: cell.count[k], share: share(k), n: cell.n, suppressed: cell.suppressed}));
    }
  return rows;
}

/** The mean rows of the story's engine (model.ts finishMeans), from the tables. */
export function tableMeans(tables: ProtectedTables, {scale, filter, design}: {scale: string; filter: StoryFilter; design: Pick<StoryDesign, "sizeClasses">}): MeanRow[] {
  return groupsOf(filter, design, true).map((group) => ({group, ...lookup(tables, tables.means[scale], scale, filter, group)}));
}

/** The engine over protected tables; `kind` stays "js" (the engine answers in JavaScript, without DuckDB). */
export function tablesEngine({tables, options, design}: {tables: ProtectedTables; options: (item: string) => ResponseOption[]; design: StoryDesign}): StoryEngine {
  return {
    kind: "js",
    async distribution(filter, {items, bySize = false}) {
      return tableDistribution(tables, {items, options, filter, design, bySize});
    },
    async means(filter, {scale}) {
      return tableMeans(tables, {scale, filter, design});
    }
  };
}
