// A temporary bridge for the factor-analysis and reliability pages, which still import their data and helpers from
// here; every other lab page uses the survey core and src/components/lab/ directly. It defines nothing of its own:
// the data come from loadSurvey(), the notice from the data's provenance, and the pieces from the components.
// No styles are set here (the lab's styles are in src/lab.css).
import {html} from "htl";
import {loadSurvey} from "../components/survey/load-survey.js";
import type {Respondent} from "../components/survey/respondent.js";
import type {SurveyItem, SurveyMeta} from "../components/survey/survey-meta.js";
import type {DataProvenance} from "../components/survey/provenance.js";
import {storyFigure, type FigureOptions} from "../components/story/figure.js";
import {accessibleChart} from "../components/charts/accessible.js";
import {labNotice} from "../components/lab/lab-notice.js";
export {itemMatrix} from "../components/survey/respondent.js";
export {glossary} from "../components/lab/glossary.js";

/** An item with its short chart label under the name these pages use. */
export type LabItem = SurveyItem & {label: string};

export interface Lab {
  respondents: Respondent[];
  meta: Omit<SurveyMeta, "items"> & {items: LabItem[]};
  item(id: string): LabItem;
}

let provenance: DataProvenance | undefined;

export async function loadLab(): Promise<Lab> {
  const survey = await loadSurvey();
  provenance = survey.meta.provenance;
  const items = survey.meta.items.map((i) => ({...i, label: i.shortLabel}));
  const byId = new Map(items.map((i) => [i.id, i]));
  return {respondents: survey.respondents, meta: {...survey.meta, items}, item: (id) => byId.get(id)!};
}

/** The data notice (after loadLab). */
export function reconstructedNote(): HTMLElement {
  if (!provenance) throw new Error("reconstructedNote() before loadLab()");
  return labNotice(provenance);
}

/** Markup the page composed itself (numbers it computed), as an element. */
export function htmlBlock(markup: string): HTMLElement {
  return html(Object.assign([markup], {raw: [markup]}) as unknown as TemplateStringsArray);
}

/** storyFigure, with the chart accessibility fix applied again whenever resize() redraws the chart. */
export function labFigure(options: FigureOptions): HTMLElement {
  const figure = storyFigure(options);
  const chart = figure.querySelector(".story-figure-chart")!;
  const fix = () => accessibleChart(chart);
  fix();
  new MutationObserver(fix).observe(chart, {childList: true, subtree: true});
  return figure;
}
