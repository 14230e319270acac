/** Types of the codebook (data/codebook.json): every question the report describes, its scale and its scale membership. */
export interface ResponseOption {
  code: number;
  label: string;
}

export interface ResponseScale {
  text_nl: string;
  reconstructed: boolean;
  reconstructed_note?: string;
  options: ResponseOption[];
}

export type Policy = "publish" | "withhold" | "pseudonymise";

export interface BackgroundVariable {
  id: string;
  text_nl: string;
  label_en: string;
  values: string[];
  required: boolean;
  policy: Policy;
  policy_note?: string;
  quasi_identifier?: boolean;
}

export interface Section {
  id: string;
  title_nl: string;
  stem_nl: string;
  stem_reconstructed: boolean;
  box?: string;
  figures?: string[];
  tables?: string[];
}

export interface Item {
  id: string;
  section: string;
  figure?: string;
  response_scale: string;
  topic: string;
  /** The published scale this item belongs to, or null. */
  scale: string | null;
  /** Short Dutch name for charts; the full question is text_nl. */
  short_nl: string;
  text_nl: string;
  text_reconstructed: boolean;
  label_en: string;
}

export interface Scale {
  id: string;
  title_nl: string;
  label_en: string;
  table: string;
  section: string;
  /** "all_items": the scale score is the mean of its items where all are answered, else null. */
  rule: "all_items";
}

export interface Codebook {
  title: string;
  source: string;
  population: {description?: string; total: number; size_class_counts: Record<string, number>};
  identifier: {id: string; text_nl?: string; label_en?: string; policy: "pseudonymise" | "withhold"; policy_note?: string};
  background: BackgroundVariable[];
  response_scales: Record<string, ResponseScale>;
  sections: Section[];
  items: Item[];
  scales: Scale[];
  topics: Record<string, string>;
}

/** The items of a scale, in codebook order. */
export function scaleItems(codebook: Codebook, scaleId: string): Item[] {
  const items = codebook.items.filter((item) => item.scale === scaleId);
  if (!items.length) throw new Error(`invalid scale: ${scaleId}`);
  return items;
}

export function responseScaleOf(codebook: Codebook, item: Item): ResponseScale {
  const scale = codebook.response_scales[item.response_scale];
  if (!scale) throw new Error(`item ${item.id}: unknown response scale ${item.response_scale}`);
  return scale;
}

export function backgroundVariable(codebook: Codebook, id: string): BackgroundVariable {
  const variable = codebook.background.find((b) => b.id === id);
  if (!variable) throw new Error(`codebook has no background variable ${id}`);
  return variable;
}

/** Size classes in the codebook's order (smallest first). */
export function sizeClasses(codebook: Codebook): string[] {
  return backgroundVariable(codebook, "size_class").values;
}
