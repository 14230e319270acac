/**
 * The published tables of a large export, written by DuckDB straight from the `cells` table: the same columns,
 * types, order and values as surveyTables + writeParquetTables give for a small one.
 * - respondent_id: the pseudonym of the n-th respondent in file order (pseudonym() in survey-tables.ts);
 * - weight: N_h / n_h per size class, computed once per class by stratumWeights (post-stratification.ts) and
 *   passed in as text, so DuckDB reads the very same double;
 * - scale scores: the report's rule of scale-score.ts (the mean of the items when all are answered, else NULL):
 *   the integer sum divided by the item count, the same IEEE division as in JavaScript;
 * - answers: one row per answered item, in respondent and then codebook order, with the option's label.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Codebook} from "../../codebook/codebook.ts";
import {pseudonym} from "../../tables/survey-tables.ts";
import {itemCode, quoteIdentifier, sqlLiteral} from "./cell-sql.ts";

export interface RespondentColumns {
  respondents: number;
  /** Weight per size class (stratumWeights). */
  weights: Record<string, number>;
}

const publishedBackground = (codebook: Codebook) => codebook.background.filter((b) => b.policy === "publish").map((b) => b.id);

/** SELECT of respondents.parquet from `cells`, in file order. */
export function respondentsSelect(codebook: Codebook, {respondents, weights}: RespondentColumns): string {
  const width = pseudonym(Math.max(0, respondents - 1), respondents).length - 1;
  const sizeClass = quoteIdentifier("size_class");
  const weight = `CASE coalesce(${sizeClass}, '') ${Object.entries(weights).map(([h, w]) => `WHEN ${sqlLiteral(h)} THEN CAST(${sqlLiteral(String(w))} AS DOUBLE)`).join(" ")} END`;
  const scales = codebook.scales.map((scale) => {
    const items = codebook.items.filter((i) => i.scale === scale.id).map((i) => itemCode(quoteIdentifier(i.id)));
    return `CASE WHEN ${items.map((i) => `${i} IS NOT NULL`).join(" AND ")} THEN CAST(${items.map((i) => `CAST(${i} AS INTEGER)`).join(" + ")} AS DOUBLE) / CAST(${items.length} AS DOUBLE) END AS ${quoteIdentifier(scale.id)}`;
  });
  return `SELECT 'r' || lpad(CAST(rowid + 1 AS VARCHAR), ${width}, '0') AS respondent_id,
      ${publishedBackground(codebook).map((b) => `CAST(${quoteIdentifier(b)} AS VARCHAR) AS ${quoteIdentifier(b)}`).join(", ")},
      ${weight} AS weight,
      ${codebook.items.map((i) => `${itemCode(quoteIdentifier(i.id))} AS ${quoteIdentifier(i.id)}`).join(", ")},
      ${scales.join(",\n      ")}
    FROM cells`;
}

/**
 * SELECT of answers.parquet: per respondent, the item ids, codes and label lists unnested side by side (in codebook
 * order), then the unanswered dropped; the label is the code's place in its scale's list (measured: about twice as
 * fast as a list of structs with a CASE per label).
 */
export function answersSelect(codebook: Codebook, respondents: number): string {
  const width = pseudonym(Math.max(0, respondents - 1), respondents).length - 1;
  const options = codebook.items.map((item) => codebook.response_scales[item.response_scale].options);
  const labelAt = options.map((o) => {
    const low = Math.min(...o.map((x) => x.code));
    // A list indexed by code - low + 1; a gap in the codes stays NULL (no such code passes validation).
    return `[${Array.from({length: Math.max(...o.map((x) => x.code)) - low + 1}, (_, k) => sqlLiteral(o.find((x) => x.code === low + k)?.label ?? null)).join(", ")}]`;
  });
  return `SELECT respondent_id, item_id, code, labels[code - low + 1] AS label FROM (
      SELECT 'r' || lpad(CAST(rowid + 1 AS VARCHAR), ${width}, '0') AS respondent_id,
        unnest([${codebook.items.map((i) => sqlLiteral(i.id)).join(", ")}]) AS item_id,
        unnest([${codebook.items.map((i) => itemCode(quoteIdentifier(i.id))).join(", ")}]) AS code,
        unnest([${options.map((o) => Math.min(...o.map((x) => x.code))).join(", ")}]) AS low,
        unnest([${labelAt.join(", ")}]) AS labels
      FROM cells)
    WHERE code IS NOT NULL`;
}

/** COPY a SELECT to a snappy Parquet file with the provenance in its footer (as writeParquetTables does). */
export async function copyToParquet(connection: DuckDBConnection, select: string, path: string, metadata: Record<string, string>): Promise<void> {
  const kv = Object.entries(metadata).map(([k, v]) => `${quoteIdentifier(k)}: ${sqlLiteral(v)}`).join(", ");
  await connection.run(`COPY (${select}) TO ${sqlLiteral(path)} (FORMAT parquet, COMPRESSION snappy${kv ? `, KV_METADATA {${kv}}` : ""})`);
}
