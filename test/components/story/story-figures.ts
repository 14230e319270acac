// The figures and tables of the story pages with the query each page asks the engine (src/hoofdstuk/*.md through
// story/page.ts), for tests that go over every figure.
import type {FigureQuery} from "../../../src/components/story/figure-notebook.ts";
import type {SurveyMeta} from "../../../src/components/survey/survey-meta.ts";

export function storyFigureQueries(meta: SurveyMeta): {number: string; query: FigureQuery}[] {
  const items = (figure: string) => meta.figureItems[figure];
  const needs = Object.keys(meta.figureItems).filter((f) => items(f).join(",") === items("Figuur 10").join(","));
  return [
    ...["Figuur 1", "Figuur 2"].map((number) => ({number, query: {kind: "distribution", items: items(number), bySize: true} as FigureQuery})),
    {number: "Figuur 5", query: {kind: "distribution", items: items("Figuur 5"), bySize: true, codes: [1], chart: "shares"}},
    ...needs.map((number, i) => ({number, query: {kind: "distribution", items: items(number), sizes: [meta.sizeClasses[i]]} as FigureQuery})),
    ...["Figuur 3", "Figuur 4", "Figuur 6", "Figuur 7", "Figuur 8", "Figuur 9", "Figuur 14", "Figuur 15", "Figuur 16"].map((number) => ({number, query: {kind: "distribution", items: items(number)} as FigureQuery})),
    ...[...new Set(meta.scales.map((s) => s.table))].map((number) => ({number, query: {kind: "means", scales: meta.scales.filter((s) => s.table === number).map((s) => s.id)} as FigureQuery}))
  ];
}

