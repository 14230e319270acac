/**
 * k-anonymity on quasi-identifiers: every combination of their values that occurs must occur at least k times,
 * otherwise a reader who knows, say, that a large municipality's secretary answered can pick out that answer.
 * Refuses with an InputError that lists every offending combination and how to fix it (coarsen or drop).
 */
import {InputError} from "../input-error.ts";
import type {RawTable} from "../read/raw-table.ts";

/** Per quasi-identifier: a recode to coarser values (e.g. two size classes into one), or "drop" to leave it out. */
export type Coarsening = Record<string, Record<string, string> | "drop">;

export interface Group {
  values: Record<string, string>;
  count: number;
}

/** Groups by the quasi-identifiers, smallest first. */
export function groupSizes(table: Pick<RawTable, "columns" | "rows">, quasiIdentifiers: string[]): Group[] {
  const idx = quasiIdentifiers.map((q) => {
    const i = table.columns.indexOf(q);
    if (i < 0) throw new Error(`k-anonymity: no column ${q}`);
    return i;
  });
  const counts = new Map<string, Group>();
  for (const row of table.rows) {
    const values = idx.map((i) => row.cells[i] ?? "");
    const key = JSON.stringify(values);
    const g = counts.get(key) ?? {values: Object.fromEntries(quasiIdentifiers.map((q, j) => [q, values[j]])), count: 0};
    g.count++;
    counts.set(key, g);
  }
  return smallestFirst([...counts.values()]);
}

/** Groups ordered smallest first (ties by their values), the order in which a refusal lists them. */
export function smallestFirst(groups: Group[]): Group[] {
  return groups.sort((a, b) => a.count - b.count || JSON.stringify(a.values).localeCompare(JSON.stringify(b.values)));
}

/** The refusal, with the groups under k (an InputError for the command line; `groups` for an override's record). */
export class KAnonymityError extends InputError {
  constructor(readonly groups: Group[], readonly k: number, error: InputError) {
    super(error.location);
  }
}

export function checkKAnonymity(table: RawTable, quasiIdentifiers: string[], k = 5): {smallestGroup: number; groups: Group[]} {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k-anonymity: k must be a positive integer, got ${k}`);
  if (!quasiIdentifiers.length || !table.rows.length) return {smallestGroup: table.rows.length, groups: []};
  return refuseSmallGroups(table.file, groupSizes(table, quasiIdentifiers), quasiIdentifiers, k);
}

/**
 * The k-anonymity rule on groups already counted (smallest first): throws the InputError that lists every group
 * under k. The SQL ingest of large exports counts the groups in DuckDB and applies the rule here.
 */
export function refuseSmallGroups(file: string, groups: Group[], quasiIdentifiers: string[], k: number): {smallestGroup: number; groups: Group[]} {
  const small = groups.filter((g) => g.count < k);
  if (small.length) {
    const list = small.map((g) => `${Object.entries(g.values).map(([q, v]) => `${q}=${JSON.stringify(v)}`).join(", ")}: ${g.count}`).join("; ");
    throw new KAnonymityError(small, k, new InputError({
      file,
      column: quasiIdentifiers.join(" x "),
      expected: `at least ${k} respondents in every combination of ${quasiIdentifiers.join(", ")} before publishing`,
      found: `${small.length} smaller group${small.length > 1 ? "s" : ""}: ${list}`,
      fix: `if publishing these groups is a considered decision, add to the mapping file "k_anonymity": {"override": "<the reason>"}: the reason and the groups are recorded with the published data (see docs/export-format.md); otherwise leave out the respondents of these groups, or lower the detail of the export before ingesting it`
    }));
  }
  return {smallestGroup: groups[0]?.count ?? 0, groups};
}
