/** What the .sav writer is given (columns) and what it derives from them: widths, formats, segments, short names. */
import type {SavMeasure, SavMissing, SavValueLabel} from "../../read/sav/types.ts";
import {checkVariableName, shortNames} from "./names.ts";

const enc = new TextEncoder();

export interface SavColumn {
  /** Variable name: letter first, then letters, digits, _ . @ # $; at most 64 bytes. */
  name: string;
  label?: string;
  type: "numeric" | "string";
  values: readonly (number | string | null | undefined)[];
  /** String width in bytes; default: the longest value (at least 1). */
  width?: number;
  /** Decimal places in the F format of a numeric column; default 0 when all values are integers, else 2. */
  decimals?: number;
  valueLabels?: readonly SavValueLabel[] | Readonly<Record<string, string>>;
  missing?: SavMissing;
  measure?: SavMeasure;
}

export interface SavWriteOptions {
  columns: readonly SavColumn[];
  fileLabel?: string;
  compression?: "bytecode" | "none";
  /** Creation time written in the header; default: "01 Jan 70 00:00:00" (the manual's "not available"), so output is reproducible. */
  created?: Date;
  /** Document lines (record type 6), e.g. a note that the data are reconstructed. */
  documents?: string[];
  product?: string;
}

export const segmentCount = (width: number) => (width > 255 ? Math.ceil(width / 252) : 1);
export const segmentWidth = (width: number, i: number, n: number) => (n === 1 ? width : i < n - 1 ? 255 : width - (n - 1) * 252);
export const slotsOf = (width: number) => Math.ceil(width / 8);

export function labelsOf(c: SavColumn): SavValueLabel[] {
  if (!c.valueLabels) return [];
  if (Array.isArray(c.valueLabels)) return c.valueLabels as SavValueLabel[];
  return Object.entries(c.valueLabels).map(([value, label]) => ({value: c.type === "numeric" ? Number(value) : value, label: label as string}));
}

export interface PreparedColumn {
  c: SavColumn;
  /** 0 for numeric, else the string width in bytes. */
  width: number;
  nums: (number | null)[];
  strs: Uint8Array[];
  format: number;
  segs: number;
}

export interface PreparedColumns {
  cols: PreparedColumn[];
  names: string[][];
  ncases: number;
  totalSlots: number;
}

/** Checks the columns (throws an Error on one the format cannot hold) and derives what every record needs. */
export function prepareColumns(columns: readonly SavColumn[]): PreparedColumns {
  if (columns.length === 0) throw new Error("writeSav: at least one column is needed");
  const ncases = columns[0].values.length;
  const seen = new Set<string>();
  for (const c of columns) {
    const problem = checkVariableName(c.name);
    if (problem) throw new Error(`writeSav: variable name ${JSON.stringify(c.name)}: expected ${problem}`);
    if (seen.has(c.name.toUpperCase())) throw new Error(`writeSav: duplicate variable name ${JSON.stringify(c.name)}`);
    seen.add(c.name.toUpperCase());
    if (c.values.length !== ncases) throw new Error(`writeSav: column ${c.name} has ${c.values.length} values, expected ${ncases}`);
    if (c.missing && c.missing.discrete.length > (c.missing.range ? 1 : 3)) throw new Error(`writeSav: column ${c.name}: at most 3 discrete missing values, or a range and 1`);
    if (c.missing?.range && c.type === "string") throw new Error(`writeSav: column ${c.name}: a string variable cannot have a missing-value range`);
  }

  // Per column: width, formats, encoded strings.
  const cols = columns.map((c) => {
    if (c.type === "numeric") {
      const nums = c.values.map((v) => (v === null || v === undefined || v === "" ? null : Number(v)));
      nums.forEach((v) => { if (v !== null && !Number.isFinite(v)) throw new Error(`writeSav: column ${c.name}: ${v} is not a finite number`); });
      const decimals = c.decimals ?? (nums.every((v) => v === null || Number.isInteger(v)) ? 0 : 2);
      const maxAbs = nums.reduce<number>((m, v) => (v === null ? m : Math.max(m, Math.abs(v))), 1); // (no spread: a column may hold more values than a call takes arguments)
      const fw = Math.min(40, Math.max(8, Math.ceil(Math.log10(maxAbs + 1)) + 1 + (decimals ? decimals + 1 : 0)));
      return {c, width: 0, nums, strs: [] as Uint8Array[], format: (5 << 16) | (fw << 8) | decimals, segs: 1};
    }
    const strs = c.values.map((v) => enc.encode(v === null || v === undefined ? "" : String(v)));
    const width = Math.min(32767, c.width ?? strs.reduce((m, s) => Math.max(m, s.length), 1));
    strs.forEach((s) => { if (s.length > width) throw new Error(`writeSav: column ${c.name}: a value of ${s.length} bytes does not fit width ${width}`); });
    return {c, width, nums: [] as (number | null)[], strs, format: (1 << 16) | (Math.min(width, 255) << 8), segs: segmentCount(width)};
  });
  const names = shortNames(cols.map((x) => x.c.name), cols.map((x) => x.segs - 1));
  const totalSlots = cols.reduce((n, x) => n + (x.width === 0 ? 1 : Array.from({length: x.segs}, (_, i) => slotsOf(segmentWidth(x.width, i, x.segs))).reduce((a, b) => a + b, 0)), 0);
  return {cols, names, ncases, totalSlots};
}
