/**
 * Anonymisation before anything is published, in two steps:
 * 1. dropDirectIdentifiers (right after reading, before validation): columns the codebook does not know
 *    that are direct identifiers by name or content (policy.ts) are removed and reported. Codebook columns
 *    are left alone here; an unknown column that is not an identifier stays, so validation still refuses it.
 * 2. prepareForPublication (after validation, before writing): drop codebook variables with policy
 *    "withhold", replace the respondent id by a pseudonym (policy "pseudonymise"), coarsen quasi-identifiers
 *    as asked, and refuse (InputError listing the groups) unless every combination of quasi-identifiers
 *    (size class, role, any region variable) holds at least k respondents.
 */
import type {Codebook} from "../codebook/codebook.ts";
import type {RawTable} from "../read/raw-table.ts";
import {checkKAnonymity, KAnonymityError, type Coarsening, type Group} from "./k-anonymity.ts";
import {identifierByContent, identifierByName, REGION_NAMES, type IdentifierKind} from "./policy.ts";

export interface DroppedColumn {
  column: string;
  kind: IdentifierKind | "withheld" | "pseudonymised";
  /** "name" (matched the policy list), "content" (cells looked like it), or "codebook" (the codebook's policy). */
  by: "name" | "content" | "codebook";
}

export function codebookColumns(codebook: Codebook): Set<string> {
  return new Set([codebook.identifier.id, ...codebook.background.map((b) => b.id), ...codebook.items.map((i) => i.id)]);
}

/** Step 1: remove direct identifiers the codebook does not know. */
export function dropDirectIdentifiers(table: RawTable, codebook: Codebook): {table: RawTable; dropped: DroppedColumn[]} {
  const known = codebookColumns(codebook);
  const dropped: DroppedColumn[] = [];
  const keep: number[] = [];
  table.columns.forEach((column, i) => {
    if (known.has(column) || REGION_NAMES.test(column)) return void keep.push(i);
    const rule = identifierByName(column);
    if (rule) return void dropped.push({column, kind: rule.kind, by: "name"});
    const kind = identifierByContent(table.rows.map((r) => r.cells[i] ?? ""));
    if (kind) return void dropped.push({column, kind, by: "content"});
    keep.push(i);
  });
  if (!dropped.length) return {table, dropped};
  const gone = new Set(dropped.map((d) => d.column));
  const filter = <T>(record?: Record<string, T>) => record && Object.fromEntries(Object.entries(record).filter(([k]) => !gone.has(k)));
  return {
    table: {...table, columns: keep.map((i) => table.columns[i]), rows: table.rows.map((r) => ({line: r.line, cells: keep.map((i) => r.cells[i] ?? "")})), valueLabels: filter(table.valueLabels), missingCodes: filter(table.missingCodes)},
    dropped
  };
}

/** The quasi-identifiers among a table's columns: codebook background variables marked so and published, plus region columns. */
export function quasiIdentifiers(columns: string[], codebook: Codebook): string[] {
  const fromCodebook = codebook.background.filter((b) => b.quasi_identifier && b.policy === "publish").map((b) => b.id);
  return columns.filter((c) => fromCodebook.includes(c) || REGION_NAMES.test(c));
}

export interface PublicationOptions {
  /** Minimum group size; default 5. */
  k?: number;
  coarsen?: Coarsening;
  /** A documented decision to publish groups under k (the mapping file's k_anonymity.override): the check reports instead of refusing. */
  override?: string;
  /** Pseudonym for the n-th respondent (0-based) in file order; default r001, r002, ... */
  pseudonym?: (index: number) => string;
}

export interface PublicationReport {
  dropped: DroppedColumn[];
  quasiIdentifiers: string[];
  k: number;
  /** Smallest group size over the combinations of quasi-identifiers. */
  smallestGroup: number;
  /** Set when groups under k are published by an override: the reason and the groups, for the provenance. */
  override?: {reason: string; groups: Group[]};
}

/** Step 2: withhold, pseudonymise, coarsen, check k-anonymity. Throws an InputError listing the small groups. */
export function prepareForPublication(table: RawTable, codebook: Codebook, options: PublicationOptions = {}): {table: RawTable; report: PublicationReport} {
  const k = options.k ?? 5;
  const pseudonym = options.pseudonym ?? ((i: number) => `r${String(i + 1).padStart(3, "0")}`);
  const withheld = new Set(codebook.background.filter((b) => b.policy === "withhold").map((b) => b.id));
  if (codebook.identifier.policy === "withhold") withheld.add(codebook.identifier.id);
  const dropped: DroppedColumn[] = table.columns.filter((c) => withheld.has(c)).map((column) => ({column, kind: "withheld", by: "codebook"}));
  for (const [column, rule] of Object.entries(options.coarsen ?? {})) if (rule === "drop" && table.columns.includes(column)) dropped.push({column, kind: "withheld", by: "codebook"});
  const gone = new Set(dropped.map((d) => d.column));
  const keep = table.columns.map((_, i) => i).filter((i) => !gone.has(table.columns[i]));
  const columns = keep.map((i) => table.columns[i]);
  const idIndex = columns.indexOf(codebook.identifier.id);
  if (idIndex >= 0 && codebook.identifier.policy === "pseudonymise") dropped.push({column: codebook.identifier.id, kind: "pseudonymised", by: "codebook"});
  const rows = table.rows.map((r, n) => {
    const cells = keep.map((i) => r.cells[i] ?? "");
    if (idIndex >= 0 && codebook.identifier.policy === "pseudonymise") cells[idIndex] = pseudonym(n);
    columns.forEach((c, j) => {
      const rule = options.coarsen?.[c];
      if (rule && rule !== "drop" && cells[j] in rule) cells[j] = rule[cells[j]];
    });
    return {line: r.line, cells};
  });
  const filter = <T>(record?: Record<string, T>) => record && Object.fromEntries(Object.entries(record).filter(([key]) => !gone.has(key)));
  const out: RawTable = {...table, columns, rows, valueLabels: filter(table.valueLabels), missingCodes: filter(table.missingCodes)};
  const qi = quasiIdentifiers(columns, codebook);
  try {
    const {smallestGroup} = checkKAnonymity(out, qi, k);
    return {table: out, report: {dropped, quasiIdentifiers: qi, k, smallestGroup}};
  } catch (error) {
    if (!(error instanceof KAnonymityError) || !options.override) throw error;
    return {table: out, report: {dropped, quasiIdentifiers: qi, k, smallestGroup: error.groups[0].count, override: {reason: options.override, groups: error.groups}}};
  }
}
