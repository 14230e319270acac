// The chart panel: mark, x, y and colour menus over a result, and the chart with its caption. The chart itself
// is ./chart.ts (Observable Plot); this part builds the controls and the figure with htl.
import {html} from "htl";
import {chartMarkLabels, chartResult, validateChart, type ChartMark, type ChartSpec} from "./chart.js";
import type {ResultColumn} from "./columns.js";
import {displayValue} from "./format.js";

export interface ChartPanelInput {
  spec: ChartSpec | null;
  columns: ResultColumn[];
  rows: Record<string, unknown>[];
  /** True when the rows are the whole result, not the first part of it. */
  complete: boolean;
  width: number;
}

/** What a screen reader hears for the chart. */
export function chartDescription(spec: ChartSpec): string {
  return `Grafiek (${chartMarkLabels[spec.mark]}) van ${spec.y ?? "het aantal rijen"} naar ${spec.x}${spec.color ? ` en ${spec.color}` : ""}. De tabel hierboven bevat dezelfde gegevens.`;
}

/** The caption: the source, that the answers are reconstructed, and how many rows are drawn. */
export function chartCaption(rows: number, complete: boolean): string {
  return `${complete ? "" : `Alleen de eerste ${displayValue(rows)} rijen. `}Bron: gereconstrueerde antwoorden op de enquête Kennis voor lokaal beleid (Rathenau Instituut, 2022), niet de echte antwoorden; n = ${displayValue(rows)} rijen van het resultaat. De tabel hierboven is de tekstversie.`;
}

/** `spec` with one channel changed from a menu ("" means none). */
export function changeChart(spec: ChartSpec, channel: "mark" | "x" | "y" | "color", value: string): ChartSpec {
  if (channel === "mark") return {...spec, mark: value as ChartMark};
  if (channel === "x") return {...spec, x: value};
  return {...spec, [channel]: value || null};
}

const channels = [
  {channel: "mark", id: "sql-chart-mark", label: "Soort "},
  {channel: "x", id: "sql-chart-x", label: "x "},
  {channel: "y", id: "sql-chart-y", label: "y "},
  {channel: "color", id: "sql-chart-color", label: "kleur "}
] as const;

/** The panel: a heading, the four menus and the figure (or why there is none). `onChange` gets the new spec. */
export function chartPanel({spec, columns, rows, complete, width}: ChartPanelInput, onChange: (spec: ChartSpec, changedId: string) => void): HTMLElement {
  if (!spec) return html`<div><h2>Grafiek</h2><p>Voor dit resultaat is geen grafiek te maken: er zijn geen kolommen met getallen of categorieën.</p></div>`;
  const options = (channel: (typeof channels)[number]["channel"]): [string, string][] =>
    channel === "mark" ? (Object.entries(chartMarkLabels) as [string, string][]) : columns.map((c) => [c.name, c.name]);
  const menu = ({channel, id, label}: (typeof channels)[number]) => {
    const current = spec[channel] ?? "";
    const allowNone = channel === "y" || channel === "color";
    return html`<span class="sql-chart-control"><label for=${id}>${label}</label><select id=${id} onchange=${(event: Event) => onChange(changeChart(spec, channel, (event.target as HTMLSelectElement).value), id)}>
      ${allowNone ? html`<option value="" selected=${current === ""}>(geen)</option>` : null}
      ${options(channel).map(([value, text]) => html`<option value=${value} selected=${value === current}>${text}</option>`)}
    </select></span>`;
  };
  let figure: Node;
  try {
    validateChart(spec, columns);
    const plot = chartResult(rows, spec, {width});
    plot.setAttribute("role", "img");
    plot.setAttribute("aria-label", chartDescription(spec));
    figure = html`<figure>${plot}<figcaption>${chartCaption(rows.length, complete)}</figcaption></figure>`;
  } catch (error) {
    figure = html`<p class="sql-error-inline">${`Deze grafiek lukt niet: ${error instanceof Error ? error.message : String(error)}`}</p>`;
  }
  return html`<div><h2>Grafiek</h2><div class="sql-chart-controls">${channels.map(menu)}</div>${figure}</div>`;
}
