import type {RawTable} from "../raw-table.ts";
import {DATE_FORMATS, DATETIME_FORMATS, SPSS_EPOCH_OFFSET, type SavFile, type SavFormat, type SavValue, type SavVariable} from "./types.ts";

/** Show a number the way a CSV export would: integers without decimals, dates as ISO text. */
export function formatSavNumber(value: number, format?: SavFormat): string {
  if (format && DATE_FORMATS.has(format.type)) {
    const ms = (value - SPSS_EPOCH_OFFSET) * 1000;
    const date = new Date(ms);
    if (Number.isNaN(date.getTime())) return String(value);
    const iso = date.toISOString();
    return DATETIME_FORMATS.has(format.type) ? iso.slice(0, 19) : iso.slice(0, 10);
  }
  if (value === Infinity) return "HIGHEST";
  if (value === -Infinity) return "LOWEST";
  return String(value);
}

/**
 * Turn a parsed .sav into the RawTable every reader produces (unit "record": row k is case k).
 * Value labels and user-missing codes come along; a missing-value range is listed as the
 * values in the data that fall inside it (RawTable knows only lists of codes).
 */
export function savToRawTable(sav: SavFile, file: string): RawTable {
  const columns = sav.variables.map((v) => v.name);
  const cell = (v: SavVariable, x: SavValue) => (x === null ? "" : typeof x === "number" ? formatSavNumber(x, v.print) : x.trim());
  const rows = sav.cases.map((cs, k) => ({line: k + 1, cells: cs.map((x, i) => cell(sav.variables[i], x))}));
  const valueLabels: Record<string, Record<string, string>> = {};
  const missingCodes: Record<string, string[]> = {};
  sav.variables.forEach((v, i) => {
    if (v.valueLabels.length) valueLabels[v.name] = Object.fromEntries(v.valueLabels.map((l) => [typeof l.value === "number" ? formatSavNumber(l.value) : l.value.trim(), l.label]));
    if (v.missing) {
      const codes = new Set(v.missing.discrete.map((d) => (typeof d === "number" ? formatSavNumber(d) : d.trim())));
      const r = v.missing.range;
      if (r)
        for (const cs of sav.cases) {
          const x = cs[i];
          if (typeof x === "number" && x >= r.low && x <= r.high) codes.add(formatSavNumber(x));
        }
      missingCodes[v.name] = [...codes];
    }
  });
  return {file, columns, rows, unit: "record", valueLabels, missingCodes};
}
