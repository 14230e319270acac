// The DuckDB engine's SQL: the same raw aggregates as engine-js.ts, over the tables respondents and answers.
import {quoteIdentifier, sqlLiteral} from "./sql.js";
import type {StoryFilter} from "./model.js";

/** The WHERE clause of a filter, on the respondents table aliased `r`. */
export function filterWhere(filter: StoryFilter): string {
  const parts = [`r.size_class IN (${filter.sizes.length ? filter.sizes.map(sqlLiteral).join(", ") : "NULL"})`];
  if (filter.role !== "alle") parts.push(`r.role = ${sqlLiteral(filter.role)}`);
  return parts.join(" AND ");
}

function weightOf(filter: StoryFilter): string {
  return filter.weighted ? "r.weight" : "1.0";
}

/** Answer counts per item, group and code (columns: item_id, group, code, count, weight). */
export function countAnswersSql(filter: StoryFilter, {items, bySize}: {items: string[]; bySize: boolean}): string {
  const sets = bySize ? "GROUPING SETS ((a.item_id, r.size_class, a.code), (a.item_id, a.code))" : "a.item_id, a.code";
  return `SELECT a.item_id, ${bySize ? "coalesce(r.size_class, 'Totaal')" : "'Totaal'"} AS "group", a.code::INTEGER AS code,
  count(*)::INTEGER AS count, sum(${weightOf(filter)})::DOUBLE AS weight
FROM answers a JOIN respondents r USING (respondent_id)
WHERE a.item_id IN (${items.map(sqlLiteral).join(", ")}) AND ${filterWhere(filter)}
GROUP BY ${sets}`;
}

/** Moments of a scale score per size class and in total (columns as RawMoments). */
export function scaleMomentsSql(filter: StoryFilter, {scale}: {scale: string}): string {
  const x = `r.${quoteIdentifier(scale)}`;
  const w = weightOf(filter);
  return `SELECT coalesce(size_class, 'Totaal') AS "group", count(*)::INTEGER AS n, sum(w) AS sw, sum(w * x) AS swx,
  sum(w * w) AS sww, sum(w * w * x) AS swwx, sum(w * w * x * x) AS swwxx
FROM (SELECT r.size_class, ${x}::DOUBLE AS x, ${w}::DOUBLE AS w FROM respondents r WHERE ${x} IS NOT NULL AND ${filterWhere(filter)})
GROUP BY GROUPING SETS ((size_class), ())`;
}
