// How a result value is written as text for people: in the table and in a Markdown copy (CSV: ../csv.ts).
// Values are always text (textContent), never HTML, so a value like `<img onerror=...>` is shown, not run.

const dutchNumber = new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 6});

/** Text for the screen and for Markdown: Dutch numbers (2,26), ISO dates, JSON for nested values, "" for null. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? dutchNumber.format(value) : String(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") return jsonText(value);
  return String(value);
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

function jsonText(value: object): string {
  // Arrow structs and lists have toJSON; BigInt inside them needs a replacer
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
}

/** "1 rij" / "1.234 rijen". */
export function rowCountText(count: number): string {
  return count === 1 ? "1 rij" : `${dutchNumber.format(count)} rijen`;
}

/** Elapsed time in Dutch: "12 ms", "1,4 s". */
export function elapsedText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 1}).format(ms / 1000)} s`;
}
