// The numbers the chapters' sentences quote (a share, a mean answer, a scale mean), read from the same rows as the
// figures beside them; a hidden group reads as "(te weinig waarnemingen)" in the sentence too.
import {formatNumber, formatPercent} from "../format.js";
import {TOTAL, type DistributionRow, type MeanRow} from "./model.js";

/** What a sentence in the prose says where a number would belong to a hidden group. */
export const SUPPRESSED_IN_PROSE = "(te weinig waarnemingen)";

/** The share (0-1) of answers with one of `codes` for an item in a group, or null when hidden. */
export function shareOf(rows: DistributionRow[], item: string, codes: number[], group = TOTAL): number | null {
  const cells = rows.filter((r) => r.item_id === item && r.group === group);
  if (!cells.length || cells[0].suppressed) return null;
  return cells.filter((r) => codes.includes(r.code)).reduce((sum, r) => sum + (r.share ?? 0), 0);
}

/** The mean answer code of an item (from the distribution), or null when hidden. */
export function meanOf(rows: DistributionRow[], item: string, group = TOTAL): number | null {
  const cells = rows.filter((r) => r.item_id === item && r.group === group);
  if (!cells.length || cells[0].suppressed) return null;
  return cells.reduce((sum, r) => sum + r.code * (r.share ?? 0), 0);
}

/** A share for a sentence: "19%", or "(te weinig waarnemingen)" for a hidden group. */
export function sharePercent(rows: DistributionRow[], item: string, codes: number[], group = TOTAL): string {
  const share = shareOf(rows, item, codes, group);
  return share == null ? SUPPRESSED_IN_PROSE : formatPercent(share);
}

/** A mean answer for a sentence: "2,26", or "(te weinig waarnemingen)". */
export function meanText(rows: DistributionRow[], item: string, group = TOTAL): string {
  const mean = meanOf(rows, item, group);
  return mean == null ? SUPPRESSED_IN_PROSE : formatNumber(mean);
}

/** A scale mean for a sentence: "2,26 over 101 gemeenten", or "(te weinig waarnemingen)" for a hidden group. */
export function scaleMeanText(rows: MeanRow[], group = TOTAL): string {
  const row = rows.find((r) => r.group === group);
  return !row || row.suppressed || row.mean == null ? SUPPRESSED_IN_PROSE : `${formatNumber(row.mean)} over ${row.n} gemeenten`;
}
