// The story's vocabulary: the filter, the raw aggregates both engines return (per size class x role, over every
// respondent, so that the small-group rule can see every role whatever the filter), and the finished rows charts
// draw. Pure functions only, shared by the JavaScript engine (first draw), the DuckDB engine and the tests.
// The mean and its interval are the survey's one estimator (stats/domain-mean.ts); which groups may be shown is the
// one small-group rule (stats/suppression.ts).
import {domainMean, type StratumMoments} from "../stats/domain-mean.js";
import {protectGroups} from "../stats/suppression.js";

export {SUPPRESSED_TEXT} from "../stats/suppression.js";
export const TOTAL = "Totaal";

/** What the story filters on; size classes and roles are the survey metadata's (meta.sizeClasses, meta.roles). */
export interface StoryFilter {
  /** The size classes included (all by default). */
  sizes: string[];
  /** "alle" or one of the metadata's roles. */
  role: string;
  /** false: every municipality counts once (as in the report); true: post-stratified to the population. */
  weighted: boolean;
}

/** The design the story estimates under: size classes as strata with their population counts. */
export interface StoryDesign {
  /** Size classes in display order (meta.sizeClasses). */
  sizeClasses: readonly string[];
  /** N_h per size class (meta.population.sizeClassCounts). */
  population: Readonly<Record<string, number>>;
}

export interface ResponseOption {
  code: number;
  label: string;
}

/** Answer counts of one item in one size class x role cell, over all respondents: what an engine returns. */
export interface AnswerCell {
  item_id: string;
  size_class: string;
  role: string;
  code: number;
  count: number;
  /** Sum of weights (equal to count when unweighted). */
  weight: number;
}

/** The moments of a numeric column (a scale score) in one size class x role cell; sampleSize counts every respondent. */
export interface MomentCell extends Omit<StratumMoments, "stratum"> {
  size_class: string;
  role: string;
}

export interface DistributionRow {
  item_id: string;
  group: string;
  code: number;
  label: string;
  /** Respondents in the group with this answer; null when the group is hidden. */
  count: number | null;
  /** Share of those in the group who answered the item (weighted when the filter says so); null when hidden. */
  share: number | null;
  /** Respondents in the group who answered the item (unweighted); null when the group is hidden. */
  n: number | null;
  /** Hidden by the small-group rule (or empty): neither value nor count is shown. */
  suppressed: boolean;
}

export interface MeanRow {
  group: string;
  /** Respondents in the group with a score; null when hidden. */
  n: number | null;
  mean: number | null;
  se: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
}

/** Does a respondent in this size class and role pass the filter? */
export function passesFilter({size_class, role}: {size_class: string; role: string}, filter: StoryFilter): boolean {
  return filter.sizes.includes(size_class) && (filter.role === "alle" || role === filter.role);
}

/** Groups, in display order: the selected size classes (when grouped) and always the total. */
export function groupsOf(filter: StoryFilter, design: Pick<StoryDesign, "sizeClasses">, bySize: boolean): string[] {
  return bySize ? [...design.sizeClasses.filter((s) => filter.sizes.includes(s)), TOTAL] : [TOTAL];
}

/** The groups the small-group rule hides for one measure, from its answered counts per size class x role. */
export function hiddenGroups(cells: {size_class: string; role: string; n: number}[], filter: StoryFilter): {hidden: Set<string>; totalHidden: boolean} {
  return protectGroups({cells: cells.map((c) => ({sizeClass: c.size_class, role: c.role, n: c.n})), sizes: filter.sizes, role: filter.role});
}

/** Is a group (a size class or the total) hidden? */
function isHidden(group: string, protection: {hidden: Set<string>; totalHidden: boolean}): boolean {
  return group === TOTAL ? protection.totalHidden : protection.hidden.has(group);
}

/** The size classes a group stands for under a filter. */
function sizesOf(group: string, filter: StoryFilter): string[] {
  return group === TOTAL ? filter.sizes : [group];
}

/**
 * Shares per item, group and answer code, with empty codes filled in and small groups hidden. `cells` are the
 * engine's counts per size class x role (all roles, all size classes); the filter is applied here.
 */
export function finishDistribution(
  cells: AnswerCell[],
  {items, options, filter, design, bySize = false}: {items: string[]; options: (item: string) => ResponseOption[]; filter: StoryFilter; design: Pick<StoryDesign, "sizeClasses">; bySize?: boolean}
): DistributionRow[] {
  const rows: DistributionRow[] = [];
  for (const item of items) {
    const own = cells.filter((c) => c.item_id === item);
    const answered = new Map<string, {size_class: string; role: string; n: number}>();
    for (const c of own) {
      const key = `${c.size_class}\u0000${c.role}`;
      const cell = answered.get(key) ?? {size_class: c.size_class, role: c.role, n: 0};
      cell.n += Number(c.count);
      answered.set(key, cell);
    }
    const protection = hiddenGroups([...answered.values()], filter);
    const codes = options(item);
    for (const group of groupsOf(filter, design, bySize)) {
      const inGroup = own.filter((c) => sizesOf(group, filter).includes(c.size_class) && passesFilter(c, filter));
      const count = (code: number) => inGroup.filter((c) => Number(c.code) === code).reduce((sum, c) => sum + Number(c.count), 0);
      const weight = (code: number) => inGroup.filter((c) => Number(c.code) === code).reduce((sum, c) => sum + Number(c.weight), 0);
      const n = inGroup.reduce((sum, c) => sum + Number(c.count), 0);
      const total = inGroup.reduce((sum, c) => sum + Number(c.weight), 0);
      const hidden = isHidden(group, protection);
      for (const {code, label} of codes)
        rows.push({
          item_id: item,
          group,
          code,
          label,
          count: hidden ? null : count(code),
          share: hidden || total === 0 ? null : weight(code) / total,
          n: hidden ? null : n,
          suppressed: hidden || n === 0
        });
    }
  }
  return rows;
}

/** The moments of one stratum (size class) over the filter's roles; the design's n_h counts every role. */
export function stratumOf(cells: MomentCell[], sizeClass: string, filter: StoryFilter): StratumMoments {
  const m: StratumMoments = {stratum: sizeClass, sampleSize: 0, n: 0, sw: 0, swy: 0, sww: 0, swwy: 0, swwyy: 0};
  for (const c of cells) {
    if (c.size_class !== sizeClass) continue;
    m.sampleSize += Number(c.sampleSize);
    if (filter.role !== "alle" && c.role !== filter.role) continue;
    m.n += Number(c.n);
    m.sw += Number(c.sw);
    m.swy += Number(c.swy);
    m.sww += Number(c.sww);
    m.swwy += Number(c.swwy);
    m.swwyy += Number(c.swwyy);
  }
  return m;
}

/**
 * Mean rows (selected size classes and the total) with the survey's interval: the domain mean under the stratified
 * design (t-based, with the finite population correction), small groups hidden.
 */
export function finishMeans(cells: MomentCell[], {filter, design}: {filter: StoryFilter; design: StoryDesign}): MeanRow[] {
  const protection = hiddenGroups(cells, filter);
  return groupsOf(filter, design, true).map((group) => {
    const strata = sizesOf(group, filter).map((h) => stratumOf(cells, h, filter));
    const n = strata.reduce((sum, m) => sum + m.n, 0);
    if (isHidden(group, protection)) return {group, n: null, mean: null, se: null, low: null, high: null, suppressed: true};
    if (n === 0) return {group, n, mean: null, se: null, low: null, high: null, suppressed: true};
    const estimate = domainMean(strata, design.population);
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    return {group, n, mean: finite(estimate.mean), se: finite(estimate.se), low: finite(estimate.lower), high: finite(estimate.upper), suppressed: false};
  });
}
