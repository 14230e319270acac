/**
 * A mapping file links an export's own column names (a survey tool's "Q3_2", an SPSS "V12") to codebook ids,
 * and lets answers be given as labels ("Ruim voldoende") as well as codes ("3"). Applied to a RawTable
 * before validation; the result has codebook column names and codes, so validateExport needs no change.
 * The format, with an example and every message, is documented in docs/export-format.md:
 * {
 *   "columns": {"Respondentnummer": "respondent_id", "Gemeentegrootte": "size_class", "Q3_1": "bes_behoeften"},
 *   "drop": ["Startdatum", "IP-adres"],            // columns to leave out before anything else looks at them
 *   "values": {"size_class": {"Minder dan 25.000 inwoners": "<25.000"}},   // recodes per codebook id
 *   "missing": ["Weet niet", "n.v.t.", "99"],      // answers (codes or labels) that mean "no answer" for every item
 *   "k_anonymity": {"override": "why publishing smaller groups is acceptable"}   // recorded with the data
 * }
 * Columns not named in `columns` keep their name (so an export already using codebook ids needs no mapping).
 * SPSS habits are read as they are: numeric background codes are decoded through the file's value labels, and
 * user-missing codes (discrete or ranges) become unanswered.
 */
import {readFileSync} from "node:fs";
import type {Codebook} from "../codebook/codebook.ts";
import {InputError, InputErrors} from "../input-error.ts";
import type {RawTable} from "./raw-table.ts";

export interface ColumnMapping {
  columns: Record<string, string>;
  drop?: string[];
  values?: Record<string, Record<string, string>>;
  /** Codes or labels that mean "no answer" in every item column (matched case-insensitively, also via SPSS value labels). */
  missing?: string[];
  /** A documented decision to publish although a group of quasi-identifiers is smaller than k. */
  k_anonymity?: {override: string};
}

/** Read and check a mapping file; problems are InputErrors naming the mapping file. */
export function readMapping(path: string, codebook: Codebook): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError({file: path, expected: "a JSON mapping file ({\"columns\": {\"export column\": \"codebook id\"}})", found: (error as Error).message});
  }
  return checkMapping(json, path, codebook);
}

export function checkMapping(json: unknown, file: string, codebook: Codebook): ColumnMapping {
  const m = json as ColumnMapping;
  const isStringRecord = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === "string");
  if (!m || typeof m !== "object" || !isStringRecord(m.columns)) throw new InputError({file, column: "columns", expected: "an object \"columns\" from export column names to codebook ids", found: JSON.stringify(m?.columns ?? null)});
  if (m.drop !== undefined && !(Array.isArray(m.drop) && m.drop.every((d) => typeof d === "string"))) throw new InputError({file, column: "drop", expected: "a list of column names", found: JSON.stringify(m.drop)});
  if (m.missing !== undefined && !(Array.isArray(m.missing) && m.missing.every((d) => typeof d === "string"))) throw new InputError({file, column: "missing", expected: "a list of answers (codes or labels) that mean no answer, e.g. [\"Weet niet\", \"n.v.t.\"]", found: JSON.stringify(m.missing)});
  if (m.k_anonymity !== undefined && !(typeof m.k_anonymity === "object" && m.k_anonymity !== null && typeof m.k_anonymity.override === "string" && m.k_anonymity.override.trim().length >= 10)) throw new InputError({file, column: "k_anonymity", expected: "{\"override\": \"the reason, in a sentence, why groups under k may be published\"}", found: JSON.stringify(m.k_anonymity)});
  const known = new Set(["columns", "drop", "values", "missing", "k_anonymity"]);
  for (const key of Object.keys(m)) if (!known.has(key)) throw new InputError({file, column: key, expected: `one of the mapping keys ${[...known].join(", ")}`, found: key});
  const ids = new Set([codebook.identifier.id, ...codebook.background.map((b) => b.id), ...codebook.items.map((i) => i.id)]);
  const errors: InputError[] = [];
  const targets = new Map<string, string>();
  for (const [from, to] of Object.entries(m.columns)) {
    if (!ids.has(to)) errors.push(new InputError({file, column: from, expected: "a codebook id (respondent_id, size_class, role, functie or an item id)", found: to}));
    else if (targets.has(to)) errors.push(new InputError({file, column: from, expected: `each codebook id once (${to} is already mapped from ${JSON.stringify(targets.get(to))})`, found: to}));
    else targets.set(to, from);
  }
  for (const [id, recodes] of Object.entries(m.values ?? {})) {
    if (!ids.has(id)) errors.push(new InputError({file, column: `values.${id}`, expected: "a codebook id", found: id}));
    if (!isStringRecord(recodes)) errors.push(new InputError({file, column: `values.${id}`, expected: "an object from export value to codebook value", found: JSON.stringify(recodes)}));
  }
  if (errors.length) throw new InputErrors(errors);
  return m;
}

/** An answer label as it is matched: NFC, trimmed, lower case (so "goed " is "Goed"). */
export const normaliseLabel = (s: string) => s.normalize("NFC").trim().toLocaleLowerCase("nl");
const normalise = normaliseLabel;

/**
 * Rename columns, drop listed ones, apply recodes, and turn answer labels into codes (case-insensitive,
 * exact label of the item's response scale). A cell that is neither a code nor a label of its scale is
 * reported here with both lists, since a label the scale lacks ("Ruim onvoldoende") is a common export slip.
 */
export function applyMapping(table: RawTable, mapping: ColumnMapping | undefined, codebook: Codebook): RawTable {
  const file = table.file;
  const errors: InputError[] = [];
  const drop = new Set(mapping?.drop ?? []);
  for (const name of [...Object.keys(mapping?.columns ?? {}), ...drop])
    if (!table.columns.includes(name)) errors.push(new InputError({file, line: table.unit === "line" ? 1 : undefined, column: name, expected: `a column ${JSON.stringify(name)} as the mapping file says`, found: "no such column"}));
  if (errors.length) throw new InputErrors(errors);

  const keep = table.columns.map((c, i) => (drop.has(c) ? -1 : i)).filter((i) => i >= 0);
  const columns = keep.map((i) => mapping?.columns[table.columns[i]] ?? table.columns[i]);
  const rename = (record?: Record<string, any>) => record && Object.fromEntries(Object.entries(record).filter(([k]) => !drop.has(k)).map(([k, v]) => [mapping?.columns[k] ?? k, v]));

  const items = new Map(codebook.items.map((i) => [i.id, codebook.response_scales[i.response_scale]]));
  const background = new Map(codebook.background.map((b) => [b.id, b]));
  const missingAnswers = new Set((mapping?.missing ?? []).map(normalise));
  const byColumn = keep.map((i, k) => {
    const id = columns[k];
    const scale = items.get(id);
    const labels = scale ? new Map(scale.options.map((o) => [normalise(o.label), String(o.code)])) : undefined;
    const variable = background.get(id);
    return {
      id,
      source: table.columns[i],
      scale,
      labels,
      codes: scale ? new Set(scale.options.map((o) => String(o.code))) : undefined,
      recode: mapping?.values?.[id],
      variable,
      values: variable ? new Map(variable.values.map((v) => [normalise(v), v])) : undefined,
      valueLabels: table.valueLabels?.[table.columns[i]],
      userMissing: new Set(table.missingCodes?.[table.columns[i]] ?? [])
    };
  });
  type Column = (typeof byColumn)[number];

  /** A background cell: a codebook value, a recode, or a code whose SPSS value label is (or recodes to) a codebook value. */
  const backgroundValue = (col: Column, cell: string, line: number): string => {
    if (col.variable!.values.includes(cell)) return cell;
    const label = col.valueLabels?.[cell];
    if (label === undefined) return col.values!.get(normalise(cell)) ?? cell; // validation names the value
    const value = (col.recode && Object.hasOwn(col.recode, label) ? col.recode[label] : undefined) ?? col.values!.get(normalise(label));
    if (value !== undefined) return value;
    errors.push(new InputError({file, line, unit: table.unit, column: col.source, expected: `a value label that is one of ${col.variable!.values.map((v) => JSON.stringify(v)).join(", ")}`, found: `code ${cell} labelled ${JSON.stringify(label)}`, fix: `recode the label in the mapping file, e.g. "values": {"${col.id}": {${JSON.stringify(label)}: "${col.variable!.values[0]}"}}`}));
    return cell;
  };

  /** An item cell: a code, a label of its scale, a code whose value label is a label of its scale, or a missing answer. */
  const itemValue = (col: Column, cell: string, line: number): string => {
    if (col.userMissing.has(cell) || missingAnswers.has(normalise(cell))) return "";
    const label = col.valueLabels?.[cell];
    if (label !== undefined && missingAnswers.has(normalise(label))) return "";
    if (col.codes!.has(cell)) return cell;
    const code = col.labels!.get(normalise(cell)) ?? (label !== undefined ? col.labels!.get(normalise(label)) : undefined);
    if (code !== undefined) return code;
    const scaleName = codebook.items.find((it) => it.id === col.id)!.response_scale;
    errors.push(new InputError({file, line, unit: table.unit, column: col.source, expected: `a code or label of scale ${scaleName} (${col.scale!.options.map((o) => `${o.code} ${o.label}`).join(", ")}) or empty`, found: label !== undefined ? `${cell} (${label})` : cell, fix: `answers that mean "no answer" (such as "Weet niet") go under "missing" in the mapping file, e.g. "missing": ["Weet niet", "n.v.t."]`}));
    return cell;
  };

  const rows = table.rows.map((row) => ({
    line: row.line,
    cells: keep.map((i, k) => {
      let cell = row.cells[i] ?? "";
      const col = byColumn[k];
      if (col.recode && Object.hasOwn(col.recode, cell)) cell = col.recode[cell];
      if (cell === "") return cell;
      if (col.variable) return col.userMissing.has(cell) ? "" : backgroundValue(col, cell, row.line);
      if (col.labels) return itemValue(col, cell, row.line);
      return cell;
    })
  }));
  const missingCodes = rename(table.missingCodes) as Record<string, string[]> | undefined;
  if (errors.length) throw new InputErrors(errors);
  return {...table, columns, rows, valueLabels: rename(table.valueLabels), missingCodes};
}
