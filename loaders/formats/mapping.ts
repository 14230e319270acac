/**
 * A mapping file links an export's own column names (a survey tool's "Q3_2", an SPSS "V12") to codebook ids,
 * and lets answers be given as labels ("Ruim voldoende") as well as codes ("3"). Applied to a RawTable
 * before validation; the result has codebook column names and codes, so validateExport needs no change.
 *
 * Mapping file (JSON), all keys optional except `columns`:
 * {
 *   "columns": {"Respondentnummer": "respondent_id", "Gemeentegrootte": "size_class", "Q3_1": "bes_behoeften"},
 *   "drop": ["Startdatum", "IP-adres"],            // columns to leave out before anything else looks at them
 *   "values": {"size_class": {"Minder dan 25.000 inwoners": "<25.000"}}   // recodes per codebook id
 * }
 * Columns not named in `columns` keep their name (so an export already using codebook ids needs no mapping).
 */
import {readFileSync} from "node:fs";
import type {Codebook} from "../codebook/codebook.ts";
import {InputError, InputErrors} from "../input-error.ts";
import type {RawTable} from "../read/raw-table.ts";

export interface ColumnMapping {
  columns: Record<string, string>;
  drop?: string[];
  values?: Record<string, Record<string, string>>;
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
  const byColumn = columns.map((id) => {
    const scale = items.get(id);
    const labels = scale ? new Map(scale.options.map((o) => [normalise(o.label), String(o.code)])) : undefined;
    return {id, scale, labels, codes: scale ? new Set(scale.options.map((o) => String(o.code))) : undefined, recode: mapping?.values?.[id]};
  });
  const missingCodes = rename(table.missingCodes) as Record<string, string[]> | undefined;

  const rows = table.rows.map((row) => ({
    line: row.line,
    cells: keep.map((i, k) => {
      let cell = row.cells[i] ?? "";
      const col = byColumn[k];
      if (col.recode && cell in col.recode) cell = col.recode[cell];
      if (!col.labels || cell === "" || col.codes!.has(cell) || missingCodes?.[col.id]?.includes(cell)) return cell;
      const code = col.labels.get(normalise(cell));
      if (code !== undefined) return code;
      const scaleName = codebook.items.find((it) => it.id === col.id)!.response_scale;
      errors.push(new InputError({file, line: row.line, unit: table.unit, column: table.columns[i], expected: `a code or label of scale ${scaleName} (${col.scale!.options.map((o) => `${o.code} ${o.label}`).join(", ")}) or empty`, found: cell}));
      return cell;
    })
  }));
  if (errors.length) throw new InputErrors(errors);
  return {...table, columns, rows, valueLabels: rename(table.valueLabels), missingCodes};
}
