/**
 * Types for SPSS system files (.sav), as documented in the PSPP developer manual,
 * appendix "System File Format". One shape is used by the reader (what it found)
 * and, with most fields optional, by the writer (what to write).
 */

/** An SPSS print/write format, e.g. F8.2 = {type: 5, width: 8, decimals: 2}; A20 = {type: 1, width: 20, decimals: 0}. */
export interface SavFormat {
  type: number;
  width: number;
  decimals: number;
}

export type SavMeasure = "nominal" | "ordinal" | "scale";

/** User-missing values: up to three discrete values, or a numeric range plus at most one discrete value. */
export interface SavMissing {
  discrete: (number | string)[];
  range?: {low: number; high: number};
}

export interface SavValueLabel {
  value: number | string;
  label: string;
}

export interface SavVariable {
  /** The (long) variable name, up to 64 bytes. */
  name: string;
  /** The 8-byte short name stored in the variable record. */
  shortName: string;
  type: "numeric" | "string";
  /** String width in bytes (1..32767); 0 for numeric variables. */
  width: number;
  label?: string;
  print: SavFormat;
  write: SavFormat;
  valueLabels: SavValueLabel[];
  missing?: SavMissing;
  measure?: SavMeasure;
}

/** A cell: a number, null for system-missing (numeric), or a string with trailing spaces removed. */
export type SavValue = number | string | null;

export interface SavFile {
  product: string;
  compression: "none" | "bytecode" | "zlib";
  fileLabel: string;
  creationDate: string;
  creationTime: string;
  /** The character encoding the strings were decoded with (from record 7/20, else 7/3, else windows-1252). */
  encoding: string;
  variables: SavVariable[];
  /** Index into `variables` of the weight variable, if any. */
  weightIndex?: number;
  documents: string[];
  /** Cases in file order, one value per variable. */
  cases: SavValue[][];
}

/** Format type codes from the PSPP manual (B.3). */
export const FORMAT = {A: 1, F: 5, COMMA: 3, DATE: 20, TIME: 21, DATETIME: 22, ADATE: 23, JDATE: 24, DTIME: 25, EDATE: 38, SDATE: 39, MTIME: 40, YMDHMS: 41} as const;

/** Formats whose numbers are seconds since 14 October 1582 (shown by the reader as ISO dates). */
export const DATE_FORMATS = new Set<number>([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);
export const DATETIME_FORMATS = new Set<number>([22, 41]);

/** Bit patterns used for system-missing, HIGHEST and LOWEST (IEEE 754, PSPP manual B.1). */
export const SYSMIS = -Number.MAX_VALUE;
export const HIGHEST = Number.MAX_VALUE;
/** nextafter(-DBL_MAX, 0): the bit pattern ffeffffffffffffe. */
export const LOWEST = (() => {
  const v = new DataView(new ArrayBuffer(8));
  v.setUint32(0, 0xffefffff, false);
  v.setUint32(4, 0xfffffffe, false);
  return v.getFloat64(0, false);
})();

/** Seconds between the SPSS epoch (1582-10-14) and the Unix epoch. */
export const SPSS_EPOCH_OFFSET = 12219379200;
