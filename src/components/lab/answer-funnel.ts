// The questionnaire as a funnel: how many respondents answered each item, in questionnaire order. Steps down are
// respondents who stopped after a block; single dips are items that were skipped.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import type {Respondent} from "../survey/respondent.js";
import type {SurveyMeta} from "../survey/survey-meta.js";

export interface FunnelStep {
  order: number;
  id: string;
  label: string;
  section: string;
  /** Two alternating shades, one per section: more sections than a categorical scheme tells apart. */
  shade: "oneven" | "even";
  answered: number;
}

export function answerFunnel(respondents: readonly Respondent[], meta: SurveyMeta): FunnelStep[] {
  const sections = [...new Set(meta.items.map((i) => i.section))];
  return meta.items.map((item, k) => ({
    order: k + 1, id: item.id, label: item.shortLabel, section: item.section,
    shade: sections.indexOf(item.section) % 2 ? "even" : "oneven",
    answered: respondents.filter((r) => r[item.id] !== null).length
  }));
}

export function answerFunnelChart(steps: FunnelStep[], {width = 640, respondents}: {width?: number; respondents: number}) {
  return accessibleChart(Plot.plot({
    width,
    height: 280,
    ariaLabel: "Aantal antwoorden per vraag; de aantallen staan in de tabel.",
    x: {label: "Vraag (volgorde)", tickFormat: (d: number) => (d % 5 === 0 ? String(d) : "")},
    y: {label: "Aantal antwoorden", grid: true, domain: [0, respondents]},
    color: {legend: false, domain: ["oneven", "even"], range: ["#1f6fb4", "#7fb0dc"]},
    marks: [
      Plot.barY(steps, {x: "order", y: "answered", fill: "shade", tip: true, title: (d: FunnelStep) => `${d.order}. ${d.label} (${d.section}): ${d.answered}`}),
      Plot.ruleY([0])
    ]
  }));
}
