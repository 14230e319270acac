// A chart cell: a form (which result, mark, x, y, colour, facet, sort; the columns come from the named result) and
// the chart drawn with the project's chart components (../chart-cell.ts). Declarative: the form only picks names.
import {html} from "htl";
import {tableObjects} from "../../sql/columns.js";
import {notebookChart} from "../chart-cell.js";
import {CHART_MARKS, CHART_SORTS, type ChartCell, type ChartMark, type ChartSort} from "../notebook.js";
import type {CellState} from "../runner.js";
import type {CellResult} from "./table-executor.js";

export const MARK_LABELS: Record<ChartMark, string> = {
  bar: "staaf",
  dot: "punt",
  line: "lijn",
  likert: "Likert (verdeling van antwoorden)",
  "mean-interval": "gemiddelde met interval"
};

const SORT_LABELS: Record<ChartSort, string> = {x: "op x, oplopend", "-x": "op x, aflopend", y: "op y, oplopend", "-y": "op y, aflopend"};

export interface ChartCellView {
  element: HTMLElement;
  show(state: CellState<CellResult>): void;
  /** Redraws the form's menus: the SQL results there are, and the columns of each. */
  setSources(sources: Map<string, string[]>): void;
}

type Field = "from" | "mark" | "x" | "y" | "color" | "facet" | "sort";

/** `cell` with one field set from a menu ("" clears an optional field). */
export function changeChartCell(cell: ChartCell, field: Field, value: string): ChartCell {
  const next: ChartCell = {...cell};
  if (field === "from" || field === "x") next[field] = value;
  else if (field === "mark") next.mark = value as ChartMark;
  else if (field === "sort") {
    if (value) next.sort = value as ChartSort;
    else delete next.sort;
  } else if (value) next[field] = value;
  else delete next[field];
  return next;
}

export function chartCellView(initial: ChartCell, onChange: (cell: ChartCell) => void, {width = () => 640}: {width?: () => number} = {}): ChartCellView {
  let cell = initial;
  let sources = new Map<string, string[]>();
  let rows: Record<string, unknown>[] | null = null;
  const form = html`<div class="notebook-chart-form"></div>`;
  const chartHost = html`<div class="notebook-chart"></div>`;
  const problem = html`<p class="notebook-error" hidden></p>`;
  const element = html`<div>${form}${chartHost}${problem}</div>`;

  function menu(field: Field, label: string, options: [string, string][], value: string | undefined) {
    const id = `nb-${cell.id}-${field}`;
    const select = html`<select id=${id}>${options.map(([v, text]) => html`<option value=${v} selected=${v === (value ?? "")}>${text}</option>`)}</select>` as HTMLSelectElement;
    select.addEventListener("change", () => {
      cell = changeChartCell(cell, field, select.value);
      onChange(cell);
      drawForm();
      (form.querySelector(`#${id}`) as HTMLElement | null)?.focus();
    });
    return html`<span class="notebook-field"><label for=${id}>${label}</label> ${select}</span>`;
  }

  function drawForm() {
    const names = [...sources.keys()];
    if (!names.includes(cell.from)) names.unshift(cell.from);
    const columns = sources.get(cell.from) ?? [];
    const columnOptions = (value: string | undefined, optional: boolean): [string, string][] => {
      const list = [...columns];
      if (value && !list.includes(value)) list.unshift(value);
      return [...(optional ? [["", "(geen)"] as [string, string]] : []), ...list.map((c): [string, string] => [c, c])];
    };
    form.replaceChildren(
      menu("from", "Resultaat", names.map((n) => [n, n]), cell.from),
      menu("mark", "Soort", CHART_MARKS.map((m) => [m, MARK_LABELS[m]]), cell.mark),
      menu("x", "x", columnOptions(cell.x, false), cell.x),
      menu("y", "y", columnOptions(cell.y, true), cell.y),
      menu("color", "Kleur", columnOptions(cell.color, true), cell.color),
      menu("facet", "Facet", columnOptions(cell.facet, true), cell.facet),
      menu("sort", "Volgorde", [["", "zoals de query"], ...CHART_SORTS.map((s): [string, string] => [s, SORT_LABELS[s]])], cell.sort)
    );
  }

  function drawChart() {
    problem.hidden = true;
    if (!rows) return chartHost.replaceChildren();
    try {
      chartHost.replaceChildren(notebookChart(rows, cell, {width: width()}));
    } catch (error) {
      chartHost.replaceChildren();
      problem.hidden = false;
      problem.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  drawForm();
  return {
    element,
    show(state) {
      if (state.status !== "done") return;
      rows = state.result ? tableObjects(state.result.table) : null;
      drawChart();
    },
    setSources(next) {
      sources = next;
      if (!form.contains(document.activeElement)) drawForm();
    }
  };
}
