// Who skipped what, without showing anyone alone: respondents are grouped by how many items they answered into
// bands of at least five (adjacent counts merged), and each band shows per item the share that did not answer.
// A chart with one row per respondent would show groups of one.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatPercent} from "../format.js";
import {MIN_GROUP_SIZE} from "../stats/suppression.js";
import type {Respondent} from "../survey/respondent.js";

export interface AnswerBand {
  /** "47" or "30-38": items answered. */
  label: string;
  fewest: number;
  most: number;
  respondents: Respondent[];
}

/**
 * Bands of answered-item counts, most answered first, each with at least `minSize` respondents: counts are taken
 * from the top down and a band closes once it is large enough; a last band that stays too small joins the one before.
 */
export function answerBands(respondents: readonly Respondent[], itemIds: readonly string[], {minSize = MIN_GROUP_SIZE} = {}): AnswerBand[] {
  const answered = (r: Respondent) => itemIds.filter((id) => r[id] !== null).length;
  const byCount = new Map<number, Respondent[]>();
  for (const r of respondents) byCount.set(answered(r), [...(byCount.get(answered(r)) ?? []), r]);
  const counts = [...byCount.keys()].sort((a, b) => b - a);
  const bands: {fewest: number; most: number; respondents: Respondent[]}[] = [];
  let open: (typeof bands)[number] | null = null;
  for (const k of counts) {
    open ??= {fewest: k, most: k, respondents: []};
    open.fewest = k;
    open.respondents.push(...byCount.get(k)!);
    if (open.respondents.length >= minSize) (bands.push(open), (open = null));
  }
  if (open) {
    const last = bands.at(-1);
    if (!last) throw new Error(`too few respondents for bands of ${minSize}: ${respondents.length}`);
    last.fewest = open.fewest;
    last.respondents.push(...open.respondents);
  }
  return bands.map((b) => ({...b, label: b.fewest === b.most ? String(b.most) : `${b.fewest}-${b.most}`}));
}

export interface BandCell {
  band: string;
  item: number;
  label: string;
  /** Share of the band that did not answer the item. */
  missing: number;
}

export function bandCells(bands: readonly AnswerBand[], items: readonly {id: string; shortLabel: string}[]): BandCell[] {
  return bands.flatMap((band) => items.map((item, k) => ({
    band: band.label, item: k + 1, label: item.shortLabel,
    missing: band.respondents.filter((r) => r[item.id] === null).length / band.respondents.length
  })));
}

export function answerBandChart(cells: BandCell[], {width = 640, bands}: {width?: number; bands: string[]}) {
  return accessibleChart(Plot.plot({
    width,
    height: 70 + bands.length * 26,
    marginLeft: 60,
    ariaLabel: "Aandeel niet beantwoord per groep respondenten en vraag; samenvatting in de tabel.",
    x: {label: "Vraag (volgorde)", tickFormat: (d: number) => (d % 5 === 0 ? String(d) : "")},
    y: {label: "Beantwoord", domain: bands},
    color: {type: "linear", domain: [0, 1], range: ["#e8eef9", "#1f2d5a"], legend: true, label: "Niet beantwoord", tickFormat: (d: number) => formatPercent(d)},
    marks: [Plot.cell(cells, {x: "item", y: "band", fill: "missing", tip: true, title: (d: BandCell) => `${d.band} beantwoord, vraag ${d.item} (${d.label}): ${formatPercent(d.missing)} niet beantwoord`})]
  }));
}
