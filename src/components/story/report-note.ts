// The report's printed numbers beside the recomputed ones in a sentence: " (rapport: 2,26 over 101 gemeenten)".
// Shown only where the data are the reconstruction (or the publisher asks for it): a site built from another
// export never compares itself with numbers that are not its own.
import {formatNumber} from "../format.js";
import type {SurveyMeta} from "../survey/survey-meta.js";
import type {Story} from "./page.js";

/** The report's printed mean of a scale (the number its text quotes, else its table's total), or null. */
export function printedScaleMean(meta: SurveyMeta, scale: string): {mean: number; n: number | null} | null {
  const quoted = meta.published.text_means.find((m) => m.scale === scale);
  const table = meta.published.tables.find((t) => t.scale === scale);
  if (quoted) return {mean: quoted.mean, n: quoted.n ?? table?.total.n ?? null};
  return table ? {mean: table.total.mean, n: table.total.n} : null;
}

/** The report's printed percentage for an answer (or answers) of an item, or null. */
export function printedPercentage(meta: SurveyMeta, item: string, codes: number[]): number | null {
  const same = (a: number[]) => a.length === codes.length && a.every((c) => codes.includes(c));
  return meta.published.percentages.find((p) => p.item === item && same(p.codes ?? (p.code != null ? [p.code] : [])))?.pct ?? null;
}

/**
 * " (rapport: 2,26)" after a recomputed number: the report's printed values, shown only when the data are the
 * reconstruction (or the publisher chose to show them): a site built from another export never compares itself
 * with numbers that are not its own.
 */
export function reportNote(story: Pick<Story, "meta">, values: (string | null)[]): string {
  if (!story.meta.provenance.showPrinted || !values.length || values.some((v) => v == null)) return "";
  const list = values.length === 1 ? values[0] : `${values.slice(0, -1).join(", ")} en ${values[values.length - 1]}`;
  return ` (rapport: ${list})`;
}

/** reportNote for a scale mean: " (rapport: 2,26 over 101 gemeenten)". */
export function reportMeanNote(story: Pick<Story, "meta">, scale: string): string {
  const printed = printedScaleMean(story.meta, scale);
  if (!printed) return "";
  return reportNote(story, [`${formatNumber(printed.mean)}${printed.n != null ? ` over ${printed.n} gemeenten` : ""}`]);
}

/** reportNote for percentages of one item, one per list of codes: " (rapport: 19%, 50%, 26% en 5%)". */
export function reportPercentNote(story: Pick<Story, "meta">, item: string, codes: number[][]): string {
  return reportNote(story, codes.map((c) => {
    const pct = printedPercentage(story.meta, item, c);
    return pct == null ? null : `${pct}%`;
  }));
}
