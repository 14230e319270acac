import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import type {PublishedNumbers, SurveyMeta} from "../../src/components/survey/survey-meta.ts";
import {backgroundVariable, type Codebook} from "../codebook/codebook.ts";

/** "Figuur 10-13" -> Figuur 10, 11, 12, 13: the report draws one set of items once per size class. */
export function expandFigureRange(figure: string): string[] {
  const range = /^(.*?)(\d+)-(\d+)$/.exec(figure);
  if (!range) return [figure];
  const [, prefix, from, to] = range;
  return Array.from({length: Number(to) - Number(from) + 1}, (_, i) => `${prefix}${Number(from) + i}`);
}

/** The survey metadata every page reads (see src/components/survey/survey-meta.ts), from the codebook. */
export function surveyMeta(codebook: Codebook, published: PublishedNumbers, provenance: DataProvenance): SurveyMeta {
  const figureItems: Record<string, string[]> = {};
  for (const item of codebook.items)
    for (const figure of item.figure ? expandFigureRange(item.figure) : []) (figureItems[figure] ??= []).push(item.id);
  return {
    title: codebook.title,
    source: codebook.source,
    provenance,
    population: {
      description: codebook.population.description ?? "",
      total: codebook.population.total,
      sizeClassCounts: codebook.population.size_class_counts
    },
    sizeClasses: backgroundVariable(codebook, "size_class").values,
    roles: backgroundVariable(codebook, "role").values,
    sections: codebook.sections.map((s) => ({
      id: s.id, title: s.title_nl, stem: s.stem_nl, stemReconstructed: s.stem_reconstructed,
      box: s.box ?? null, figures: s.figures ?? [], tables: s.tables ?? []
    })),
    scales: codebook.scales.map((s) => ({
      id: s.id, title: s.title_nl, labelEn: s.label_en, table: s.table, section: s.section,
      items: codebook.items.filter((i) => i.scale === s.id).map((i) => i.id)
    })),
    topics: codebook.topics,
    items: codebook.items.map((i) => ({
      id: i.id, section: i.section, figure: i.figure ?? null, responseScale: i.response_scale, topic: i.topic, scale: i.scale,
      shortLabel: i.short_nl, text: i.text_nl, textReconstructed: i.text_reconstructed, labelEn: i.label_en
    })),
    responseScales: Object.fromEntries(Object.entries(codebook.response_scales).map(([id, s]) => [id, {
      id, text: s.text_nl, reconstructed: s.reconstructed, reconstructedNote: s.reconstructed_note ?? null, options: s.options
    }])),
    figureItems,
    published
  };
}
