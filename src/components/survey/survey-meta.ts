// The survey's metadata as every page, chart and query sees it: one object generated from data/codebook.json,
// data/published.json and the data's provenance by the loader src/data/site.zip.ts (data/site/survey-meta.json). Domain constants
// (size classes, roles, population counts, section titles, which items a figure shows) are read from here, never typed.
import type {DataProvenance} from "./provenance.js";

export interface ResponseOption {
  code: number;
  label: string;
}

export interface ResponseScale {
  id: string;
  text: string;
  reconstructed: boolean;
  reconstructedNote: string | null;
  options: ResponseOption[];
}

export interface SurveyItem {
  id: string;
  section: string;
  /** The report's figure that shows this item ("Figuur 3"), or null. */
  figure: string | null;
  responseScale: string;
  topic: string;
  /** The published scale this item belongs to, or null. */
  scale: string | null;
  /** Short Dutch name for charts. */
  shortLabel: string;
  /** The full question. */
  text: string;
  textReconstructed: boolean;
  labelEn: string;
}

export interface SurveyScale {
  id: string;
  title: string;
  labelEn: string;
  /** The report's table ("Tabel 1"). */
  table: string;
  section: string;
  /** Item ids in questionnaire order. */
  items: string[];
}

export interface SurveySection {
  id: string;
  title: string;
  stem: string;
  stemReconstructed: boolean;
  box: string | null;
  figures: string[];
  tables: string[];
}

export interface Population {
  description: string;
  total: number;
  /** Municipalities per size class, in the codebook's order. */
  sizeClassCounts: Record<string, number>;
}

export interface SurveyMeta {
  title: string;
  source: string;
  provenance: DataProvenance;
  population: Population;
  /** Size classes, smallest first. */
  sizeClasses: string[];
  roles: string[];
  sections: SurveySection[];
  scales: SurveyScale[];
  topics: Record<string, string>;
  items: SurveyItem[];
  responseScales: Record<string, ResponseScale>;
  /** Item ids per figure of the report ("Figuur 10" to "Figuur 13" share their items). */
  figureItems: Record<string, string[]>;
  /** The report's printed numbers (data/published.json), shown only where provenance.showPrinted. */
  published: PublishedNumbers;
}

/** A printed mean with its n (data/published.json). */
export interface PublishedRow {
  mean: number;
  n: number;
  /** The n consistent with the report's other tables, where the printed n is a slip (published.json `slips`). */
  n_consistent?: number;
  slip?: string;
}

/** A size class's row of a scale table. */
export interface PublishedClassRow extends PublishedRow {
  size_class: string;
}

/** A scale table of the report: mean per size class and in total (data/published.json `tables`). */
export interface PublishedTable {
  id: string;
  title_nl: string;
  section: string;
  scale: string;
  items: number;
  range: [number, number];
  /** The item a table on one question reports (Tabel 5: peilen, betrekken); absent for a whole scale. */
  column?: string;
  rows: PublishedClassRow[];
  total: PublishedRow;
}

export interface PublishedNumbers {
  sample: {invited: number; /** "ongeveer 75 meerkeuzevragen" (the questionnaire, of which the report publishes a part). */ multiple_choice_questions_approx: number; respondents: number; role: Record<string, number>; size_class: {size_class: string; n: number; pct_respondents: number; pct_population: number}[]};
  tables: PublishedTable[];
  /** Means the report's text quotes (e.g. 2,26 for beschikbaarheid, n = 101). */
  text_means: {scale?: string; item?: string; mean: number; n?: number; where: string; quote: string}[];
  /** Percentages the report's text quotes: the share answering `code` (or one of `codes`) on `item`. */
  percentages: {item: string; code?: number; codes?: number[]; label?: string; pct: number; where: string; quote: string}[];
  slips: {id: string; table?: string; [key: string]: unknown}[];
  claims: {id: string; [key: string]: unknown}[];
}

/** The item with this id; throws on an unknown id (a typo in a page must not draw an empty chart). */
export function itemById(meta: SurveyMeta, id: string): SurveyItem {
  const item = meta.items.find((i) => i.id === id);
  if (!item) throw new Error(`invalid item: ${id}`);
  return item;
}

/** The answer options of an item. */
export function optionsOf(meta: SurveyMeta, itemId: string): ResponseOption[] {
  return meta.responseScales[itemById(meta, itemId).responseScale].options;
}

/** The items a figure of the report shows, in questionnaire order. */
export function itemsOfFigure(meta: SurveyMeta, figure: string): string[] {
  const items = meta.figureItems[figure];
  if (!items) throw new Error(`invalid figure: ${figure}`);
  return items;
}

/** The scale with this id. */
export function scaleById(meta: SurveyMeta, id: string): SurveyScale {
  const scale = meta.scales.find((s) => s.id === id);
  if (!scale) throw new Error(`invalid scale: ${id}`);
  return scale;
}
