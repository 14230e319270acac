// Building SQL text from a tagged template: every interpolated value becomes a literal, never raw SQL.

/** A value as a SQL literal (strings quoted, arrays as lists, null as NULL). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`invalid number in SQL: ${value}`);
    return String(value);
  }
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `TIMESTAMP '${value.toISOString()}'`;
  if (Array.isArray(value)) return `[${value.map(sqlLiteral).join(", ")}]`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Joins a tagged template into SQL text, turning each interpolated value into a literal. */
export function sqlText(strings: TemplateStringsArray | readonly string[], ...values: unknown[]): string {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? sqlLiteral(values[i]) : ""), "");
}
