// A SQL cell's result as the story's plain table (dataTable), in a scroll region a keyboard can reach, with Dutch
// numbers; at most `limit` rows, and the caption says how many there are.
import {formatCount, formatNumber} from "../format.js";
import {dataTable} from "../story/figure.js";

/** One value as the table shows it: Dutch numbers, "–" for missing, ja/nee for truth values. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") return Number.isInteger(value) ? formatCount(value) : formatNumber(value, 3);
  if (typeof value === "bigint") return formatCount(Number(value));
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function cellTable(rows: readonly Record<string, unknown>[], name: string, {limit = 100}: {limit?: number} = {}): HTMLElement {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const count = `${formatCount(rows.length)} ${rows.length === 1 ? "rij" : "rijen"}`;
  const caption = `${name}: ${count}${rows.length > limit ? `, de eerste ${formatCount(limit)} getoond` : ""}`;
  const table = dataTable(caption, columns, rows.slice(0, limit).map((r) => columns.map((c) => cellText(r[c]))));
  // a result can have dozens of columns: scroll sideways rather than wrap names letter by letter on a phone
  table.style.width = "max-content";
  table.style.maxWidth = "none";
  const region = document.createElement("div");
  region.className = "story-table-scroll";
  region.tabIndex = 0;
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", `Resultaat van ${name}`);
  region.style.maxHeight = "24rem";
  region.style.overflowY = "auto";
  region.append(table);
  return region;
}
