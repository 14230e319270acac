// Dutch number formatting for text, tables and chart axes: 2,26 and 19%.
const cache = new Map<string, Intl.NumberFormat>();

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat("nl-NL", options)));
  return format;
}

/** A value that rounds to zero at `digits` decimals, made +0: a reader should never see "-0,00" or "-0%". */
function unsignedZero(value: number, digits: number): number {
  return Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
}

/** A number with a fixed number of decimals, Dutch style: formatNumber(2.256) === "2,26", formatNumber(2.1) === "2,10". */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return formatter(`n${digits}`, {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(unsignedZero(value, digits));
}

/** A share (0-1) as a percentage: formatPercent(0.19) === "19%". */
export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (share == null || !Number.isFinite(share)) return "–";
  return formatter(`p${digits}`, {style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits}).format(unsignedZero(share, digits + 2));
}

/** A count with a thousands separator: formatCount(1234) === "1.234". */
export function formatCount(value: number): string {
  return formatter("c", {maximumFractionDigits: 0}).format(value);
}

/** "2,26 (101)", the report's way of printing a mean with its number of municipalities. */
export function formatMeanN(mean: number | null | undefined, n: number | null | undefined): string {
  return `${formatNumber(mean)} (${n ?? "–"})`;
}
