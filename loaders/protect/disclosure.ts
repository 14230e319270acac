// The disclosure report of a protected build, for the publisher (printed by the build) and the reader (/methode):
// which cells the small-group rule suppressed and why, whether the synthetic microdata reproduce every shown
// aggregate, and how close synthetic records come to real ones, against a holdout baseline (real records against
// other real records). It holds counts and shares only: no record, real or synthetic.
import type {Codebook} from "../codebook/codebook.ts";
import {seededRandom} from "../reconstruct/random.ts";
import type {Respondent} from "../../src/components/survey/respondent.ts";
import {countAnswers, scaleMoments} from "../../src/components/story/engine-js.ts";
import type {ProtectedTables} from "../../src/components/story/engine-tables.ts";
import {isSmallGroup} from "../../src/components/stats/suppression.ts";
import {protectedTables} from "./protected-tables.ts";

export type SuppressionReason = "primair" | "secundair";

export interface SuppressedCell {
  sizeClass: string;
  /** The view: "alle" or one role. */
  role: string;
  reason: SuppressionReason;
  /** Why, in Dutch. */
  why_nl: string;
  /** How many measures (items and scales) are hidden in this cell. */
  measures: number;
}

export interface DisclosureReport {
  publication: "protected";
  suppressed: SuppressedCell[];
  /** Totals hidden because they include a hidden size class (views x measures). */
  hiddenTotals: number;
  synthetic: {
    records: number;
    /** Synthetic records equal to some real record on every item (missing included). */
    identical: number;
    identicalShare: number;
    /** Median distance of a synthetic record to the closest real record (0: identical, 1: differs everywhere). */
    medianDistance: number;
    /** The same for real records of one random half against the other half: what "close" means among real data. */
    holdoutMedianDistance: number;
    /** Unsuppressed aggregates compared, and those the synthetic data miss. */
    checked: number;
    mismatches: string[];
  };
}

/** Distance between two records over the items: mean over items of |a - b| / range, 1 where one is missing. */
export function recordDistance(a: readonly (number | null)[], b: readonly (number | null)[], ranges: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k] == null || b[k] == null) total += a[k] == null && b[k] == null ? 0 : 1;
    else total += Math.abs(a[k]! - b[k]!) / (ranges[k] || 1);
  }
  return total / a.length;
}

const median = (values: number[]) => {
  if (!values.length) return NaN;
  const s = values.slice().sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Per record, the distance to the closest record of `pool`. */
export function closestDistances(records: (number | null)[][], pool: (number | null)[][], ranges: number[]): number[] {
  return records.map((r) => Math.min(...pool.map((p) => recordDistance(r, p, ranges))));
}

/** The item answers of respondents as rows (the form the closeness measures and the dist/ search use). */
export function itemRows(respondents: readonly Respondent[], codebook: Codebook): (number | null)[][] {
  return respondents.map((r) => codebook.items.map((i) => (r[i.id] == null ? null : Number(r[i.id]))));
}

/** Which size class x view cells are hidden, and why (from the real answered counts, which the report does not state). */
function suppressedCells(real: readonly Respondent[], tables: ProtectedTables, codebook: Codebook): SuppressedCell[] {
  const items = codebook.items.map((i) => i.id);
  const answered = new Map<string, number>();
  const add = (measure: string, s: string, r: string, n: number) => answered.set(`${measure}|${s}|${r}`, (answered.get(`${measure}|${s}|${r}`) ?? 0) + n);
  for (const c of countAnswers(real, {items, weighted: false})) add(c.item_id, c.size_class, c.role, c.count);
  for (const scale of codebook.scales) for (const c of scaleMoments(real, {scale: scale.id, weighted: false})) add(scale.id, c.size_class, c.role, c.n);
  const n = (measure: string, s: string, r: string) => answered.get(`${measure}|${s}|${r}`) ?? 0;
  const cells = new Map<string, SuppressedCell>();
  const note = (sizeClass: string, role: string, reason: SuppressionReason, why_nl: string) => {
    const key = `${sizeClass}|${role}|${reason}|${why_nl}`;
    const cell = cells.get(key) ?? {sizeClass, role, reason, why_nl, measures: 0};
    cell.measures++;
    cells.set(key, cell);
  };
  const measures: [string, (role: string, s: string) => boolean][] = [
    ...items.map((id) => [id, (role: string, s: string) => tables.distributions[id][role].u[s].n == null] as [string, (role: string, s: string) => boolean]),
    ...codebook.scales.map((sc) => [sc.id, (role: string, s: string) => tables.means[sc.id][role].u[s].suppressed && tables.means[sc.id][role].u[s].n == null] as [string, (role: string, s: string) => boolean])
  ];
  for (const [measure, hidden] of measures)
    for (const sizeClass of tables.sizeClasses)
      for (const role of ["alle", ...tables.roles]) {
        if (!hidden(role, sizeClass)) continue;
        const own = role === "alle" ? tables.roles.reduce((a, r) => a + n(measure, sizeClass, r), 0) : n(measure, sizeClass, role);
        if (isSmallGroup(own)) note(sizeClass, role, "primair", "1 tot 4 respondenten in deze groep");
        else note(sizeClass, role, "secundair", "een andere functie in deze gemeentegrootte heeft 1 tot 4 respondenten (anders volgt die groep door aftrekken)");
      }
  return [...cells.values()];
}

/** Every cell of a protected table (items or scales x role x weighting x group), with its place as one key. */
function* cellsOf<C>(table: Record<string, Record<string, Record<"u" | "w", Record<string, C>>>>): Generator<{key: [string, string, "u" | "w", string]; cell: C}> {
  for (const [id, byRole] of Object.entries(table))
    for (const [role, byWeight] of Object.entries(byRole))
      for (const [w, groups] of Object.entries(byWeight) as ["u" | "w", Record<string, C>][])
        for (const [group, cell] of Object.entries(groups)) yield {key: [id, role, w, group], cell};
}

/** Every unsuppressed number of `published` that `synthetic` does not give (counts and n exactly; shares, means and standard errors to 1e-9). */
export function compareTables(published: ProtectedTables, synthetic: ProtectedTables): {checked: number; mismatches: string[]} {
  let checked = 0;
  const mismatches: string[] = [];
  const same = (a: number | null, b: number | null, where: string) => {
    if (a == null) return;
    checked++;
    if (b == null || Math.abs(a - b) > 1e-9) mismatches.push(`${where}: gepubliceerd ${a}, synthetisch ${b}`);
  };
  for (const {key: [item, role, w, group], cell} of cellsOf(published.distributions)) {
    const other = synthetic.distributions[item][role][w][group];
    const at = `${item} ${role} ${w} ${group}`;
    same(cell.n, other.n, `${at} n`);
    cell.count.forEach((c, k) => same(c, other.count[k], `${at} aantal ${k}`));
    cell.share?.forEach((s, k) => same(s, other.share?.[k] ?? null, `${at} aandeel ${k}`));
  }
  for (const {key: [scale, role, w, group], cell: row} of cellsOf(published.means)) {
    const other = synthetic.means[scale][role][w][group];
    const at = `${scale} ${role} ${w} ${group}`;
    same(row.n, other.n, `${at} n`);
    same(row.mean, other.mean, `${at} gemiddelde`);
    same(row.se, other.se, `${at} standaardfout`);
  }
  return {checked, mismatches};
}

export function disclosureReport({real, synthetic, tables, codebook, seed = 1}: {real: readonly Respondent[]; synthetic: readonly Respondent[]; tables: ProtectedTables; codebook: Codebook; seed?: number}): DisclosureReport {
  const ranges = codebook.items.map((i) => {
    const codes = codebook.response_scales[i.response_scale].options.map((o) => o.code);
    return Math.max(...codes) - Math.min(...codes);
  });
  const realRows = itemRows(real, codebook);
  const syntheticRows = itemRows(synthetic, codebook);
  const toSynthetic = closestDistances(syntheticRows, realRows, ranges);
  const shuffled = seededRandom(seed).shuffle(realRows);
  const half = Math.floor(shuffled.length / 2);
  const holdout = closestDistances(shuffled.slice(half), shuffled.slice(0, half), ranges);
  const identical = toSynthetic.filter((d) => d === 0).length;
  const views = ["alle", ...tables.roles];
  const measures: Record<string, Record<"u" | "w", Record<string, {n: number | null}>>>[] = [...Object.values(tables.distributions), ...Object.values(tables.means)];
  // Totals over a selection of size classes ("Totaal|mask") hidden in the unweighted views (the weighted are the same).
  const hiddenTotals = measures.reduce((count, byRole) => count + views.reduce((c, role) => c + Object.entries(byRole[role].u).filter(([key, g]) => key.includes("|") && g.n == null).length, 0), 0);
  return {
    publication: "protected",
    suppressed: suppressedCells(real, tables, codebook),
    hiddenTotals,
    synthetic: {
      records: syntheticRows.length,
      identical,
      identicalShare: syntheticRows.length ? identical / syntheticRows.length : 0,
      medianDistance: median(toSynthetic),
      holdoutMedianDistance: median(holdout),
      ...compareTables(tables, protectedTables({respondents: synthetic, codebook}))
    }
  };
}
