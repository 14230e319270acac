// Dropout through the questionnaire: how many of the respondents answered each item, in questionnaire order.
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import {emphasisColor, seriesColor} from "./palette.js";

export interface AnsweredRow {
  order: number;
  item_id: string;
  text: string;
  section: string;
  answered: number;
}

export function dropoutChart(rows: AnsweredRow[], {width = 640, total, ariaLabel}: {width?: number; total: number; ariaLabel?: string}) {
  return accessibleChart(Plot.plot({
    width,
    height: 280,
    marginLeft: 50,
    ariaLabel,
    x: {label: "vraag in de volgorde van de vragenlijst →", domain: [0.5, rows.length + 0.5], ticks: []},
    y: {domain: [0, total], label: "↑ aantal gemeenten met een antwoord", grid: true},
    marks: [
      Plot.ruleY([total], {stroke: "currentColor", strokeDasharray: "4 3"}),
      Plot.ruleY([total * 0.8], {stroke: emphasisColor, strokeDasharray: "2 3"}),
      Plot.text([total * 0.8], {y: (d: number) => d, x: rows.length + 0.5, text: () => "80%", textAnchor: "end", dy: -6, fill: emphasisColor, fontSize: 11}),
      Plot.lineY(rows, {x: "order", y: "answered", stroke: seriesColor, curve: "step"}),
      Plot.dot(rows, {x: "order", y: "answered", fill: seriesColor, r: 2.5, title: (d: AnsweredRow) => `${d.section} ${d.text}\n${d.answered} van ${total} beantwoord`, tip: true}),
      // One label per section, leaving out those that would touch the previous one on a narrow chart.
      Plot.axisX(
        rows.filter((d, i) => i === 0 || rows[i - 1].section !== d.section).filter((d, i, starts) => i === 0 || ((d.order - starts[i - 1].order) * (width - 70)) / rows.length > 24),
        {x: "order", text: "section", tickSize: 4, textAnchor: "start", fontSize: 10}
      )
    ]
  }));
}
