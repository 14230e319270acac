// The disclosure report as the publisher reads it in the build's output: a few lines, numbers only.
import type {DisclosureReport} from "./disclosure.ts";

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export function disclosureSummary(report: DisclosureReport): string {
  const {synthetic: s} = report;
  const cells = report.suppressed.map((c) => `  ${c.sizeClass} x ${c.role}: ${c.reason} (${c.measures} measures) — ${c.why_nl}`);
  return [
    "Disclosure report (KV_PUBLICATION=protected): no real record is published.",
    `Suppressed size class x view cells: ${report.suppressed.length}; totals hidden because they include one: ${report.hiddenTotals}.`,
    ...cells,
    `Synthetic responses: ${s.records}; identical to a real record on every item: ${s.identical} (${percent(s.identicalShare)}).`,
    `Median distance to the closest real record: ${s.medianDistance.toFixed(3)} (real holdout half against the other half: ${s.holdoutMedianDistance.toFixed(3)}).`,
    `Unsuppressed aggregates checked against the synthetic responses: ${s.checked}, not reproduced: ${s.mismatches.length}.`,
    ...s.mismatches.slice(0, 10).map((m) => `  ${m}`)
  ].join("\n");
}
