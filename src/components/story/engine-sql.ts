// The DuckDB engine's SQL: the same raw aggregates as engine-js.ts (per size class x role, over every respondent),
// over the tables respondents and answers.
import {quoteIdentifier, sqlLiteral} from "./sql.js";

function weightOf(weighted: boolean): string {
  return weighted ? "r.weight" : "1.0";
}

/** Answer counts per item, size class, role and code (columns as AnswerCell). */
export function countAnswersSql({items, weighted}: {items: string[]; weighted: boolean}): string {
  return `SELECT a.item_id, r.size_class, r.role, a.code::INTEGER AS code, count(*)::INTEGER AS count, sum(${weightOf(weighted)})::DOUBLE AS weight
FROM answers a JOIN respondents r USING (respondent_id)
WHERE a.item_id IN (${items.map(sqlLiteral).join(", ")}) AND a.code IS NOT NULL
GROUP BY a.item_id, r.size_class, r.role, a.code`;
}

/** The moments of a scale score per size class x role (columns as MomentCell; sampleSize counts every respondent). */
export function scaleMomentsSql({scale, weighted}: {scale: string; weighted: boolean}): string {
  const inDomain = (expression: string) => `coalesce(sum(CASE WHEN y IS NOT NULL THEN ${expression} END), 0)::DOUBLE`;
  return `SELECT size_class, role, count(*)::INTEGER AS "sampleSize", count(y)::INTEGER AS n, ${inDomain("w")} AS sw, ${inDomain("w * y")} AS swy,
  ${inDomain("w * w")} AS sww, ${inDomain("w * w * y")} AS swwy, ${inDomain("w * w * y * y")} AS swwyy
FROM (SELECT r.size_class, r.role, r.${quoteIdentifier(scale)}::DOUBLE AS y, ${weightOf(weighted)}::DOUBLE AS w FROM respondents r)
GROUP BY size_class, role`;
}
