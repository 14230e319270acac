// One respondent as the pages see it: a row of respondents.parquet (pseudonym, background, post-stratification
// weight, one code per item with null for unanswered, one score per scale with null where an item is missing).

export interface Respondent {
  respondent_id: string;
  size_class: string;
  role: string;
  weight: number;
  /** Item codes and scale scores by column name; null when unanswered (or, for a scale, incomplete). */
  [column: string]: string | number | null;
}

/** A Parquet row as a Respondent: INT64 columns arrive from hyparquet as bigint, the statistics work with numbers. */
export function toRespondent(row: Record<string, unknown>): Respondent {
  const respondent: Record<string, string | number | null> = {};
  for (const [column, value] of Object.entries(row))
    respondent[column] = typeof value === "bigint" ? Number(value) : value === undefined ? null : (value as string | number | null);
  return respondent as Respondent;
}

/** The answer codes of some items, null where unanswered (respondents x items). */
export function itemMatrix(respondents: readonly Respondent[], itemIds: readonly string[]): (number | null)[][] {
  return respondents.map((r) => itemIds.map((id) => (r[id] === null || r[id] === undefined ? null : Number(r[id]))));
}
