/**
 * The codebook's cell rules as SQL over the raw text of an export (every column read as VARCHAR), so DuckDB can
 * check a large export cell by cell. They express the rules of validate-export.ts for cells as csv-parse delivers
 * them (trimmed, "" for empty):
 * - an item cell is empty, or an integer (/^-?\d+$/) whose value is a code of the item's response scale;
 * - a background cell is one of the variable's values (or empty when not required);
 * - the respondent id is not empty.
 * Two things DuckDB's CSV reader does differently from csv-parse are flagged instead of judged ("suspect"): spaces
 * around a cell (csv-parse trims unquoted cells only) and a double quote inside a cell (csv-parse refuses a quote
 * inside an unquoted cell, DuckDB keeps it). A file with such cells is judged by the streaming JS validator.
 *
 * Each cell is read by ONE expression into a small state, and the checks run later on the stored states: DuckDB
 * inlines nested projections (an expression used twice is compiled and run twice) and evaluates both sides of an
 * AND, but only the chosen branch of a CASE, so the slow parts run on the few cells not written the plain way.
 */
import type {BackgroundVariable, Codebook, Item} from "../../codebook/codebook.ts";
import {quoteIdentifier, sqlLiteral} from "../../../src/components/story/sql.ts";
import {normaliseLabel} from "../../read/mapping.ts";

/**
 * Everything JavaScript's String.prototype.trim removes, as the character set of DuckDB's trim(v, characters).
 * Plain string functions, not regular expressions: 47 items x a few Unicode classes took seconds to compile.
 */
const WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const WS = sqlLiteral(WHITESPACE);

/**
 * The state of an item cell (TINYINT). Codes are 0 to 5, so one byte holds both the code and how it was written.
 * NULL empty; c a code written plainly; 50 + c a code given by its label ("Goed", read as applyMapping does);
 * 100 + c a code with whitespace around it or a label with non-ASCII letters (suspect); NOT_A_CODE;
 * NOT_A_CODE_SUSPECT (a quote, whitespace or non-ASCII letters in it); MULTILINE (a line break in it, never a
 * code); BLANK (only whitespace: suspect, csv-parse may read it as empty).
 */
export const ITEM_STATE = {NOT_A_CODE: -1, NOT_A_CODE_SUSPECT: -2, MULTILINE: -3, BLANK: -4} as const;

/** The state of an id or background cell: plain, suspect, or spanning lines. */
export const TEXT_STATE = {PLAIN: 0, SUSPECT: 1, MULTILINE: 2} as const;

/** Macros the expressions below use; run once per connection. */
export const CELL_MACROS = [
  `CREATE OR REPLACE TEMP MACRO cell_trim(v) AS trim(v, ${WS})`,
  `CREATE OR REPLACE TEMP MACRO cell_multiline(v) AS contains(v, chr(10)) OR contains(v, chr(13))`,
  `CREATE OR REPLACE TEMP MACRO cell_suspect(v) AS contains(v, '"') OR (v <> '' AND (contains(${WS}, v[1]) OR contains(${WS}, v[-1])))`,
  // Codes as text, labels in their normalised form (NFC, trimmed, lower case) and the code of each label.
  `CREATE OR REPLACE TEMP MACRO item_state(v, codes, labels, label_codes) AS CAST(CASE
     WHEN cell_multiline(v) THEN ${ITEM_STATE.MULTILINE}
     WHEN list_contains(codes, trim(v, ${WS})) THEN CAST(trim(v, ${WS}) AS INTEGER) + CASE WHEN cell_suspect(v) THEN 100 ELSE 50 END
     WHEN list_contains(labels, lower(nfc_normalize(trim(v, ${WS})))) THEN label_codes[list_position(labels, lower(nfc_normalize(trim(v, ${WS}))))]
       + CASE WHEN cell_suspect(v) OR strlen(v) <> length(v) THEN 100 ELSE 50 END
     WHEN trim(v, ${WS}) = '' THEN ${ITEM_STATE.BLANK}
     WHEN cell_suspect(v) OR strlen(v) <> length(v) THEN ${ITEM_STATE.NOT_A_CODE_SUSPECT}
     ELSE ${ITEM_STATE.NOT_A_CODE} END AS TINYINT)`,
  // A left-out column's text does not matter, only whether csv-parse would refuse it (a quote) or it spans lines.
  `CREATE OR REPLACE TEMP MACRO left_out_state(v) AS CASE WHEN v IS NULL THEN ${TEXT_STATE.PLAIN} WHEN cell_multiline(v) THEN ${TEXT_STATE.MULTILINE} WHEN contains(v, '"') THEN ${TEXT_STATE.SUSPECT} ELSE ${TEXT_STATE.PLAIN} END`,
  `CREATE OR REPLACE TEMP MACRO text_state(v) AS CASE WHEN v IS NULL THEN ${TEXT_STATE.PLAIN} WHEN cell_multiline(v) THEN ${TEXT_STATE.MULTILINE} WHEN cell_suspect(v) THEN ${TEXT_STATE.SUSPECT} ELSE ${TEXT_STATE.PLAIN} END`
];

const list = (values: (string | number)[]) => values.map(sqlLiteral).join(", ");
const codesOf = (item: Item, codebook: Codebook) => codebook.response_scales[item.response_scale].options.map((o) => o.code);

/** An item cell's state (see ITEM_STATE); the plain code is the fast path. */
export function itemState(raw: string, item: Item, codebook: Codebook): string {
  const options = codebook.response_scales[item.response_scale].options;
  const codes = options.map((o) => String(o.code));
  return `CASE WHEN ${raw} IS NULL THEN NULL WHEN ${raw} IN (${list(codes)}) THEN CAST(${raw} AS TINYINT)
    ELSE item_state(${raw}, [${list(codes)}], [${list(options.map((o) => normaliseLabel(o.label)))}], [${options.map((o) => o.code).join(", ")}]) END`;
}

/** The answer code of a stored item state, for output (only valid states remain by then). */
export const itemCode = (state: string) => `CAST(CASE WHEN ${state} >= 0 THEN ${state} % 50 END AS INTEGER)`;

/** A background cell's value, trimmed; NULL when empty. */
export function backgroundValue(raw: string, variable: BackgroundVariable): string {
  return `CASE WHEN ${raw} IN (${list(variable.values)}) THEN ${raw} ELSE nullif(cell_trim(${raw}), '') END`;
}

/** A background cell's state (see TEXT_STATE). */
export function backgroundState(raw: string, variable: BackgroundVariable): string {
  return `CASE WHEN ${raw} IN (${list(variable.values)}) THEN ${TEXT_STATE.PLAIN} ELSE text_state(${raw}) END`;
}

/** Column names in `cells`: the value (codebook name) and, for text cells, the state. */
export const stateColumn = (name: string) => quoteIdentifier(`${name}__state`);

function kind(codebook: Codebook, name: string): "id" | "background" | "item" | undefined {
  if (name === codebook.identifier.id) return "id";
  if (codebook.background.some((b) => b.id === name)) return "background";
  if (codebook.items.some((i) => i.id === name)) return "item";
  return undefined;
}

/** How many item cells of a row hold neither a code nor a label of their scale (applyMapping's errors). */
export function badItemCount(codebook: Codebook, columns: string[]): string {
  return sumOf(columns.filter((name) => kind(codebook, name) === "item").map((name) => `${quoteIdentifier(name)} BETWEEN ${ITEM_STATE.BLANK + 1} AND ${ITEM_STATE.NOT_A_CODE}`));
}

/**
 * How many id and background cells of a row break the codebook (validateExport's cell errors): an empty respondent
 * id, a background value outside the variable's values (or empty when required).
 */
export function badTextCount(codebook: Codebook, columns: string[]): string {
  return sumOf(
    columns.map((name) => {
      const column = quoteIdentifier(name);
      const variable = codebook.background.find((b) => b.id === name);
      if (kind(codebook, name) === "id") return `${column} IS NULL`;
      if (!variable) return undefined;
      return variable.required ? `${column} IS NULL OR ${column} NOT IN (${list(variable.values)})` : `${column} IS NOT NULL AND ${column} NOT IN (${list(variable.values)})`;
    })
  );
}

/** How many cells of a row are suspect (then the streaming validator judges the file). */
export function suspectCellCount({items, states}: {items: string[]; states: string[]}): string {
  return sumOf([
    ...items.map((name) => `${quoteIdentifier(name)} IN (${ITEM_STATE.NOT_A_CODE_SUSPECT}, ${ITEM_STATE.BLANK}) OR ${quoteIdentifier(name)} >= 100`),
    ...states.map((state) => `${quoteIdentifier(state)} = ${TEXT_STATE.SUSPECT}`)
  ]);
}

/** How many cells of a row span lines (then row numbers are not line numbers). */
export function multilineCellCount({items, states}: {items: string[]; states: string[]}): string {
  return sumOf([...items.map((name) => `${quoteIdentifier(name)} = ${ITEM_STATE.MULTILINE}`), ...states.map((state) => `${quoteIdentifier(state)} = ${TEXT_STATE.MULTILINE}`)]);
}

function sumOf(terms: (string | undefined)[]): string {
  const present = terms.filter((t): t is string => t !== undefined);
  return present.length ? present.map((t) => `CAST(coalesce(${t}, false) AS INTEGER)`).join(" + ") : "0";
}

/** The n-th column of read_csv, named by position so that any header (even a duplicate name) reads. */
export const rawColumn = (index: number) => quoteIdentifier(`c${index}`);

/** read_csv of an export: every column as VARCHAR, named c0, c1, ... */
export function readExportCsv(path: string, header: string[], delimiter: string): string {
  const columnTypes = header.map((_, i) => `${sqlLiteral(`c${i}`)}: 'VARCHAR'`).join(", ");
  return `read_csv(${sqlLiteral(path)}, header = true, auto_detect = false, delim = ${sqlLiteral(delimiter)}, quote = '"', escape = '"', columns = {${columnTypes}})`;
}

export {quoteIdentifier, sqlLiteral};
