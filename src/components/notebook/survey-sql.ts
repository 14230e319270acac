// The survey's estimators as DuckDB table macros, so that a notebook's SQL gets the same mean, share, standard error
// and interval as every page: survey_mean('respondents', 'beschikbaarheid'), survey_mean_by('tabel1',
// 'beschikbaarheid', 'size_class'), survey_share('respondents', 'bes_behoeften', 4), survey_share_by(...), each with
// `weighted := true` (the post-stratification weights in the column `weight`) or false (every municipality once).
// One SQL text for DuckDB-WASM (the page) and @duckdb/node-api (the tests).
//
// The definition is domainMean's (src/components/stats/domain-mean.ts): the rows of the table passed in are the
// domain; the design is the stratified sample in `respondents` (strata = size classes, n_h = all respondents of the
// class in `respondents`, N_h from `populatie`), variance by linearisation with the fpc 1 - n_h/N_h, interval with
// Student's t on (respondents in the domain with a value) - (strata in the domain) degrees of freedom. DuckDB has no
// t quantile, so the 97.5% quantiles for df 1..1000 come from jStat (the same tQuantile domainMean uses) as the table
// `t_quantiles`; above 1000 the Cornish-Fisher expansion around the normal quantile takes over (measured against R's
// qt at df 1001 and 5000: within 1e-10, where jStat itself is 5e-8 off, so the two agree to 1e-7 relative).
//
// The design effect is Kish's design effect of unequal weights in the domain, deff = n Σw² / (Σw)², with Kish's
// effective n = (Σw)² / Σw² (src/components/stats/kish.ts). It says what the weighting costs; it is not the variance
// ratio that R's svymean(deff = TRUE) reports (design variance over the variance of a simple random sample), which
// also counts the gain from stratification and the fpc.
//
// Small groups: a group with 1-4 answers shows neither value nor count (all columns null, `suppressed` true). In the
// _by macros a margin with exactly one hidden group hides the next smallest group too, so the hidden one does not
// follow from the total by subtraction (the rule of src/components/stats/suppression.ts, for any grouping column).
// Column names are matched exactly (COLUMNS([col])): a bare COLUMNS(col) would read 'score' as a regular expression
// and also pick 'score2'.
import {normalQuantile, tQuantile} from "../stats/distributions.js";
import {MIN_GROUP_SIZE} from "../stats/suppression.js";
import {sqlLiteral} from "../story/sql.js";

/** Degrees of freedom up to which `t_quantiles` holds jStat's quantile. */
export const EXACT_T_DF = 1000;

export const SURVEY_MACROS = ["survey_mean", "survey_mean_by", "survey_share", "survey_share_by"] as const;

export interface SurveyFunctionOptions {
  /** N_h: municipalities per size class in the population (SurveyMeta.population.sizeClassCounts). */
  population: Readonly<Record<string, number>>;
}

/** The 97.5% quantile of Student's t as the tests and domainMean compute it, for the SQL table. */
export function tQuantileRows(maxDf = EXACT_T_DF): [number, number][] {
  return Array.from({length: maxDf}, (_, i) => [i + 1, tQuantile(0.975, i + 1)]);
}

const number = (x: number) => {
  if (!Number.isFinite(x)) throw new Error(`invalid number for SQL: ${x}`);
  return x.toPrecision(17);
};

/**
 * The 97.5% quantile of t on `df` degrees of freedom as an SQL expression: `exact` (the row of `t_quantiles`) up to
 * EXACT_T_DF, above it t_q ≈ z + g1/ν + g2/ν² + g3/ν³ (Abramowitz & Stegun 26.7.5). One text for survey_t975 and for
 * the estimators, which join `t_quantiles` once instead of running a subquery per interval bound.
 */
function t975(df: string, exact: string): string {
  const z = normalQuantile(0.975);
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const nu = `CAST(${df} AS DOUBLE)`;
  return `CASE WHEN ${df} IS NULL OR ${df} < 1 THEN NULL WHEN ${df} <= ${EXACT_T_DF} THEN ${exact} ELSE ${number(z)} + ${number(g1)} / ${nu} + ${number(g2)} / ${nu} ** 2 + ${number(g3)} / ${nu} ** 3 END`;
}

/** The statements that define the survey functions, in order. */
export function surveyFunctionStatements({population}: SurveyFunctionOptions): string[] {
  const strata = Object.entries(population);
  if (strata.length === 0) throw new Error("invalid population: no size classes");
  for (const [h, n] of strata) if (!Number.isInteger(n) || n < 1) throw new Error(`invalid population count for ${h}: ${n}`);
  return [
    `CREATE OR REPLACE TABLE populatie AS SELECT * FROM (VALUES ${strata.map(([h, n]) => `(${sqlLiteral(h)}, ${n})`).join(", ")}) t(size_class, n)`,
    `CREATE OR REPLACE TABLE t_quantiles AS SELECT * FROM (VALUES ${tQuantileRows().map(([df, q]) => `(${df}, ${number(q)})`).join(", ")}) t(df, q975)`,
    `CREATE OR REPLACE MACRO survey_t975(d) AS ${t975("d", `(SELECT q975 FROM t_quantiles WHERE t_quantiles.df = d)`)}`,
    estimatorMacro("survey_mean", "tbl, col", "NULL::VARCHAR", "CAST(COLUMNS([col]) AS DOUBLE)", "mean"),
    estimatorMacro("survey_mean_by", "tbl, col, group_col", "CAST(COLUMNS([group_col]) AS VARCHAR)", "CAST(COLUMNS([col]) AS DOUBLE)", "mean"),
    estimatorMacro("survey_share", "tbl, col, code", "NULL::VARCHAR", "CAST(COLUMNS([col]) = code AS DOUBLE)", "share"),
    estimatorMacro("survey_share_by", "tbl, col, code, group_col", "CAST(COLUMNS([group_col]) AS VARCHAR)", "CAST(COLUMNS([col]) = code AS DOUBLE)", "share")
  ];
}

/**
 * One estimator, one text: the group expression (a constant for the whole table, or the grouping column) and the
 * value (the answer, or 1/0 for "answered `code`") are the only differences between the four macros.
 */
function estimatorMacro(name: string, params: string, group: string, value: string, estimate: "mean" | "share"): string {
  return `CREATE OR REPLACE MACRO ${name}(${params}, weighted := true) AS TABLE
WITH base AS (
  SELECT ${group} AS groep, size_class AS stratum, CASE WHEN weighted THEN CAST(weight AS DOUBLE) ELSE 1.0 END AS w, ${value} AS y
  FROM query_table(tbl)
),
design AS (SELECT size_class AS stratum, count(*) AS sample_size FROM respondents GROUP BY ALL),
moments AS (
  SELECT groep, stratum, count(y) AS n,
    sum(w) FILTER (WHERE y IS NOT NULL) AS sw, sum(w * y) AS swy,
    sum(w * w) FILTER (WHERE y IS NOT NULL) AS sww, sum(w * w * y) AS swwy, sum(w * w * y * y) AS swwyy
  FROM base GROUP BY ALL
),
strata AS (
  SELECT m.*, sum(m.swy) OVER domain / sum(m.sw) OVER domain AS estimate, sum(m.sw) OVER domain AS domain_sw,
    d.sample_size, p.n AS population
  FROM moments m LEFT JOIN design d USING (stratum) LEFT JOIN populatie p ON p.size_class = m.stratum
  WINDOW domain AS (PARTITION BY groep)
),
estimates AS (
  SELECT groep, sum(n) AS n, any_value(estimate) AS estimate,
    sqrt(sum(CASE
      WHEN population IS NULL THEN error('grootteklasse ' || coalesce(stratum, 'NULL') || ' staat niet in de tabel populatie')
      WHEN n = 0 OR sample_size < 2 THEN 0
      ELSE (1 - sample_size / population) * sample_size / (sample_size - 1)
        * greatest(0, (swwyy - 2 * estimate * swwy + estimate * estimate * sww) / (domain_sw * domain_sw)
                      - ((swy - estimate * sw) / domain_sw) ** 2 / sample_size)
      END)) AS se,
    sum(n) - count(*) FILTER (WHERE n > 0) AS df, sum(n) * sum(sww) / (sum(sw) * sum(sw)) AS deff, sum(sw) * sum(sw) / sum(sww) AS n_eff,
    sum(n) > 0 AND sum(n) < ${MIN_GROUP_SIZE} AS small
  FROM strata GROUP BY groep
),
protected AS (
  SELECT e.*, small OR (count(*) FILTER (WHERE small) OVER () = 1 AND count(*) OVER () > 1 AND NOT small
    AND row_number() OVER (PARTITION BY small ORDER BY n, groep) = 1) AS suppressed,
    ${t975("e.df", "t.q975")} AS t975
  FROM estimates e LEFT JOIN t_quantiles t ON t.df = e.df
)
SELECT ${group === "NULL::VARCHAR" ? "" : "groep, "}
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE n::INTEGER END AS n,
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE estimate END AS ${estimate},
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE se END AS se,
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE estimate - t975 * se END AS lower,
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE estimate + t975 * se END AS upper,
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE df::INTEGER END AS df,
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE deff END AS deff,
  CASE WHEN suppressed OR n = 0 THEN NULL ELSE n_eff END AS n_eff,
  suppressed
FROM protected ORDER BY groep`;
}

/**
 * Defines the survey functions with `run` (one statement per call), e.g. `(sql) => connection.query(sql)` in the
 * page or `(sql) => connection.run(sql)` in node. Needs the table `respondents` (size_class, weight) to use them.
 */
export async function registerSurveyFunctions(run: (sql: string) => Promise<unknown>, options: SurveyFunctionOptions): Promise<void> {
  for (const statement of surveyFunctionStatements(options)) await run(statement);
}
