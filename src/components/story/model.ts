// The story's vocabulary: filters, raw aggregates (what both engines return) and the finished rows charts draw.
// Pure functions only, shared by the JavaScript engine (first draw), the DuckDB engine and the unit tests.

export const SIZE_CLASSES = ["<25.000", "25.001-50.000", "50.001-100.000", ">100.000"] as const;
export const ROLES = ["gemeentesecretaris", "andere functie"] as const;
export const TOTAL = "Totaal";
/** Groups smaller than this are never shown. */
export const MIN_N = 5;
export const SUPPRESSED_TEXT = "te weinig waarnemingen (n<5)";

export type SizeClass = (typeof SIZE_CLASSES)[number];
export type RoleFilter = "alle" | (typeof ROLES)[number];

export interface StoryFilter {
  /** The size classes included (all four by default). */
  sizes: SizeClass[];
  role: RoleFilter;
  /** false: every municipality counts once (as in the report); true: post-stratified to all 352 municipalities. */
  weighted: boolean;
}

export const DEFAULT_FILTER: StoryFilter = {sizes: [...SIZE_CLASSES], role: "alle", weighted: false};

export type Respondent = Record<string, unknown> & {respondent_id: string; size_class: SizeClass; role: string; weight: number};

export interface ResponseOption {
  code: number;
  label: string;
}

/** Answer counts of one item in one group: what an engine returns before shares are computed. */
export interface RawCount {
  item_id: string;
  group: string;
  code: number;
  count: number;
  /** Sum of weights (equal to count when unweighted). */
  weight: number;
}

/** Sufficient statistics of a scale score in one group (w = weight, or 1 when unweighted). */
export interface RawMoments {
  group: string;
  n: number;
  sw: number;
  swx: number;
  sww: number;
  swwx: number;
  swwxx: number;
}

export interface DistributionRow {
  item_id: string;
  group: string;
  code: number;
  label: string;
  count: number;
  /** Share of those in the group who answered the item (weighted when the filter says so); null when suppressed. */
  share: number | null;
  /** Respondents in the group who answered the item (unweighted). */
  n: number;
  suppressed: boolean;
}

export interface MeanRow {
  group: string;
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
}

export function isSizeClass(value: unknown): value is SizeClass {
  return (SIZE_CLASSES as readonly unknown[]).includes(value);
}

/** Does a respondent pass the filter? */
export function passesFilter(respondent: Respondent, filter: StoryFilter): boolean {
  return filter.sizes.includes(respondent.size_class) && (filter.role === "alle" || respondent.role === filter.role);
}

/** Groups, in display order: the selected size classes (when grouped) and always the total. */
export function groupsOf(filter: StoryFilter, bySize: boolean): string[] {
  return bySize ? [...SIZE_CLASSES.filter((s) => filter.sizes.includes(s)), TOTAL] : [TOTAL];
}

/** Shares per item, group and answer code, with empty codes filled in and small groups suppressed. */
export function finishDistribution(
  raw: RawCount[],
  {items, options, groups}: {items: string[]; options: (item: string) => ResponseOption[]; groups: string[]}
): DistributionRow[] {
  const key = (item: string, group: string, code: number) => `${item}\u0000${group}\u0000${code}`;
  const counts = new Map(raw.map((r) => [key(r.item_id, r.group, Number(r.code)), r]));
  const rows: DistributionRow[] = [];
  for (const item of items) {
    const codes = options(item);
    for (const group of groups) {
      const cells = codes.map(({code}) => counts.get(key(item, group, code)));
      const n = cells.reduce((sum, c) => sum + (c ? Number(c.count) : 0), 0);
      const total = cells.reduce((sum, c) => sum + (c ? Number(c.weight) : 0), 0);
      const suppressed = n < MIN_N;
      codes.forEach(({code, label}, i) => {
        const cell = cells[i];
        rows.push({
          item_id: item,
          group,
          code,
          label,
          count: cell ? Number(cell.count) : 0,
          share: suppressed || total === 0 ? null : (cell ? Number(cell.weight) : 0) / total,
          n,
          suppressed
        });
      });
    }
  }
  return rows;
}

/**
 * Two-sided 97.5% quantile of Student's t with `df` degrees of freedom (for 95% intervals).
 * Exact table up to 30, then the Cornish-Fisher expansion around the normal quantile (error < 0.001).
 */
export function tQuantile975(df: number): number {
  const table = [NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
  if (!(df >= 1)) return NaN;
  if (df <= 30 && Number.isInteger(df)) return table[df];
  const z = 1.959964;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

/**
 * Mean and 95% interval from the moments of one group. Weighted means use the linearisation (sandwich) variance
 * n/(n-1) · Σ w²(x-m)² / (Σw)², which for w = 1 is the familiar s²/n; the interval uses t with n-1 df.
 */
export function finishMoments(m: RawMoments): MeanRow {
  const n = Number(m.n);
  if (n < MIN_N || !(m.sw > 0)) return {group: m.group, n, mean: null, low: null, high: null, suppressed: n < MIN_N};
  const mean = m.swx / m.sw;
  const squares = Math.max(0, m.swwxx - 2 * mean * m.swwx + mean * mean * m.sww);
  const se = Math.sqrt((n / (n - 1)) * squares) / m.sw;
  const half = tQuantile975(n - 1) * se;
  return {group: m.group, n, mean, low: mean - half, high: mean + half, suppressed: false};
}

/** Mean rows in group order; a group with no respondents at all is reported as n = 0 (suppressed). */
export function finishMeans(raw: RawMoments[], groups: string[]): MeanRow[] {
  const byGroup = new Map(raw.map((m) => [m.group, m]));
  return groups.map((group) => finishMoments(byGroup.get(group) ?? {group, n: 0, sw: 0, swx: 0, sww: 0, swwx: 0, swwxx: 0}));
}
