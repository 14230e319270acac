// What kind of values a result column holds, and plain JavaScript rows from an Arrow result.
// The kinds drive the chart choice, the alignment in the table and the exporters.
import {DataType, util, type Field, type Schema, type Table} from "apache-arrow";
import {forEachValue} from "./column-chunks.js";

export type ColumnKind = "number" | "category" | "date" | "other";

export interface ResultColumn {
  name: string;
  kind: ColumnKind;
  /** Arrow's name for the type, shown in the table header's tooltip. */
  type: string;
}

/** The kind of values in an Arrow field: numbers, categories (text, booleans, dictionaries), dates, or other. */
export function columnKind(field: Pick<Field, "type">): ColumnKind {
  const type = field.type;
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return "number";
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isBool(type) || DataType.isDictionary(type)) return "category";
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return "date";
  return "other";
}

export function resultColumns(schema: Schema): ResultColumn[] {
  return schema.fields.map((field) => ({name: field.name, kind: columnKind(field), type: String(field.type)}));
}

/**
 * A JavaScript value that charts, tables and exporters can use: BigInt becomes a number when it fits
 * (else its decimal text), Arrow decimals become numbers with their `scale` (digits after the point: the raw
 * value is the unscaled integer, so DECIMAL(2,1) -0.5 arrives as -5), timestamps become Date objects.
 */
export function plainValue(value: unknown, kind: ColumnKind = "other", scale = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    if (kind === "date") return new Date(Number(value));
    if (scale) return Number(value) / 10 ** scale;
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (kind === "date" && typeof value === "number") return new Date(value);
  if (kind === "number" && ArrayBuffer.isView(value)) return util.bigNumToNumber(value as never, scale);
  if (kind === "number" && typeof value === "object" && !(value instanceof Date)) {
    const n = Number(String(value));
    return Number.isNaN(n) ? String(value) : n / 10 ** scale;
  }
  return value;
}

/** Digits after the decimal point of a decimal field (0 for every other type). */
export function decimalScale(field: Pick<Field, "type">): number {
  return DataType.isDecimal(field.type) ? field.type.scale : 0;
}

/**
 * Rows `[offset, offset + limit)` of an Arrow table as arrays of plain values, in column order.
 * Reads column vectors chunk by chunk (./column-chunks.ts), which is faster than materialising row proxies.
 */
export function tableRows(table: Table, {offset = 0, limit = Infinity}: {offset?: number; limit?: number} = {}): unknown[][] {
  const end = Math.min(table.numRows, offset + limit);
  const fields = table.schema.fields;
  const rows: unknown[][] = Array.from({length: Math.max(0, end - offset)}, () => new Array(fields.length));
  fields.forEach((field, c) => {
    const kind = columnKind(field);
    const scale = decimalScale(field);
    forEachValue(table.getChildAt(c)!, offset, end, (r, value) => (rows[r - offset][c] = plainValue(value, kind, scale)));
  });
  return rows;
}

/** Rows as objects keyed by column name, the shape Observable Plot expects. */
export function tableObjects(table: Table, options: {offset?: number; limit?: number} = {}): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  return tableRows(table, options).map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
}
