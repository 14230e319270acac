// The survey's estimators as DuckDB table macros, so that a notebook's SQL gets the same mean, share, standard error
// and interval as every page: survey_mean('respondents', 'beschikbaarheid'), survey_mean_by('tabel1',
// 'beschikbaarheid', 'size_class'), survey_share('respondents', 'bes_behoeften', 4), survey_share_by(...), each with
// `weighted := true` (the post-stratification weights in the column `weight`) or false (every municipality once), and
// `one_role := 'gemeentesecretaris'` for one role's estimate (see small groups below). One SQL text for DuckDB-WASM
// (the page) and @duckdb/node-api (the tests).
//
// The definition is domainMean's (src/components/stats/domain-mean.ts): the rows of the table passed in (of the one
// role, with `one_role`) are the domain; the design is the stratified sample in `respondents` (strata = size classes,
// n_h = all respondents of the class in `respondents`, N_h from `populatie`), variance by linearisation with the fpc
// 1 - n_h/N_h, interval with Student's t on (respondents in the domain with a value) - (strata in the domain) degrees
// of freedom. DuckDB has no t quantile, so the 97.5% quantiles for df 1..1000 come from jStat (the same tQuantile
// domainMean uses) as the table `t_quantiles`; above 1000 the Cornish-Fisher expansion around the normal quantile takes over (measured against R's
// qt at df 1001 and 5000: within 1e-10, where jStat itself is 5e-8 off, so the two agree to 1e-7 relative).
//
// The design effect is Kish's design effect of unequal weights in the domain, deff = n Σw² / (Σw)², with Kish's
// effective n = (Σw)² / Σw² (src/components/stats/kish.ts). It says what the weighting costs; it is not the variance
// ratio that R's svymean(deff = TRUE) reports (design variance over the variance of a simple random sample), which
// also counts the gain from stratification and the fpc.
//
// Small groups, by the story's rule (src/components/stats/suppression.ts), for any grouping: a group shows neither
// value nor count (all columns null, `suppressed` true) when a size class it draws on is too small, that is when the
// class's answers in the group number 1-4, or, with `one_role := 'role'`, when any role's answers there number 1-4.
// That second form is the story's one-role view: the table then holds every role's rows (of the selected size
// classes), the estimate uses the rows of that one role, and the rule sees the roles it leaves out (else a small
// role would follow as all roles minus the shown one). A group that draws on a hidden class is hidden, so a total
// with a hidden class is hidden too and the class does not follow from it by subtraction. Where a grouping cuts
// through size classes (by role, by an answer), the total over the same rows can still be shown beside exactly one
// hidden group: then the next smallest non-empty group is hidden too. A group with more rows in a size class than the
// design has municipalities there holds a municipality twice (a long table of several questions, not grouped by
// question): that is no estimate of the design, and the functions refuse it; so a long table's groups of one question
// never need the next smallest hidden because of a pooled total that cannot be shown.
//
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
  /**
   * Answers a size class needs in a group to be shown (MIN_GROUP_SIZE). Only the tests of the estimator lower it, to
   * compare domains the rule hides with R; the page and the exported script keep the default.
   */
  minGroupSize?: number;
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
export function surveyFunctionStatements({population, minGroupSize = MIN_GROUP_SIZE}: SurveyFunctionOptions): string[] {
  const strata = Object.entries(population);
  if (strata.length === 0) throw new Error("invalid population: no size classes");
  for (const [h, n] of strata) if (!Number.isInteger(n) || n < 1) throw new Error(`invalid population count for ${h}: ${n}`);
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new Error(`invalid minimum group size: ${minGroupSize}`);
  const estimator = (name: string, params: string, group: string, value: string, estimate: "mean" | "share") => estimatorMacro({name, params, group, value, estimate, minGroupSize});
  return [
    `CREATE OR REPLACE TABLE populatie AS SELECT * FROM (VALUES ${strata.map(([h, n]) => `(${sqlLiteral(h)}, ${n})`).join(", ")}) t(size_class, n)`,
    `CREATE OR REPLACE TABLE t_quantiles AS SELECT * FROM (VALUES ${tQuantileRows().map(([df, q]) => `(${df}, ${number(q)})`).join(", ")}) t(df, q975)`,
    `CREATE OR REPLACE MACRO survey_t975(d) AS ${t975("d", `(SELECT q975 FROM t_quantiles WHERE t_quantiles.df = d)`)}`,
    estimator("survey_mean", "tbl, col", "NULL::VARCHAR", "CAST(COLUMNS([col]) AS DOUBLE)", "mean"),
    estimator("survey_mean_by", "tbl, col, group_col", "CAST(COLUMNS([group_col]) AS VARCHAR)", "CAST(COLUMNS([col]) AS DOUBLE)", "mean"),
    estimator("survey_share", "tbl, col, code", "NULL::VARCHAR", "CAST(COLUMNS([col]) = code AS DOUBLE)", "share"),
    estimator("survey_share_by", "tbl, col, code, group_col", "CAST(COLUMNS([group_col]) AS VARCHAR)", "CAST(COLUMNS([col]) = code AS DOUBLE)", "share")
  ];
}

/**
 * One estimator, one text: the group expression (a constant for the whole table, or the grouping column) and the
 * value (the answer, or 1/0 for "answered `code`") are the only differences between the four macros.
 */
function estimatorMacro({name, params, group, value, estimate, minGroupSize}: {name: string; params: string; group: string; value: string; estimate: "mean" | "share"; minGroupSize: number}): string {
  // a class is too small in a group: 1-4 answers in all, or in any role when the view is one role
  const small = (answers: string) => `${answers} BETWEEN 1 AND ${minGroupSize - 1}`;
  const unsafe = `CASE WHEN one_role IS NULL THEN ${small("sum(answers)")} ELSE bool_or(${small("answers")}) END`;
  // a role's rows count in the estimate: every role, or the one of a one-role view
  const inView = "one_role IS NULL OR rol = one_role";
  return `CREATE OR REPLACE MACRO ${name}(${params}, weighted := true, one_role := NULL) AS TABLE
WITH base AS (
  SELECT ${group} AS groep, size_class AS stratum, CAST(role AS VARCHAR) AS rol, CASE WHEN weighted THEN CAST(weight AS DOUBLE) ELSE 1.0 END AS w, ${value} AS y
  FROM query_table(tbl)
),
design AS (SELECT size_class AS stratum, count(*) AS sample_size FROM respondents GROUP BY ALL),
cells AS (
  -- one pass over the rows: per group, size class and role the answers (every role, for the small-group rule) and
  -- the moments (summed below over the view's roles only)
  SELECT groep, stratum, rol, count(y) AS answers, count(*) AS row_count,
    sum(w) FILTER (WHERE y IS NOT NULL) AS sw, sum(w * y) AS swy,
    sum(w * w) FILTER (WHERE y IS NOT NULL) AS sww, sum(w * w * y) AS swwy, sum(w * w * y * y) AS swwyy
  FROM base GROUP BY ALL
),
moments AS (
  SELECT c.groep, c.stratum, any_value(d.sample_size) AS sample_size, CASE
      WHEN sum(c.row_count) > any_value(d.sample_size) THEN error('groep ' || coalesce(c.groep, '(alle rijen)') || ' heeft in grootteklasse ' || c.stratum || ' meer rijen dan er gemeenten zijn: staat een gemeente er twee keer in? Groepeer een lange tabel per vraag')
      ELSE ${unsafe} END AS unsafe,
    coalesce(sum(c.answers) FILTER (WHERE ${inView}), 0) AS n,
    sum(c.sw) FILTER (WHERE ${inView}) AS sw, sum(c.swy) FILTER (WHERE ${inView}) AS swy, sum(c.sww) FILTER (WHERE ${inView}) AS sww,
    sum(c.swwy) FILTER (WHERE ${inView}) AS swwy, sum(c.swwyy) FILTER (WHERE ${inView}) AS swwyy
  FROM cells c LEFT JOIN design d ON d.stratum = c.stratum GROUP BY c.groep, c.stratum
),
whole AS (
  -- the total over the same rows: hidden (or refused) when any of its size classes is
  SELECT bool_or(unsafe) OR bool_or(pooled) AS hidden
  FROM (SELECT stratum, ${unsafe} AS unsafe, sum(row_count) > any_value(sample_size) AS pooled
    FROM (SELECT stratum, rol, sum(answers) AS answers, sum(row_count) AS row_count FROM cells GROUP BY ALL) LEFT JOIN design USING (stratum) GROUP BY ALL)
),
strata AS (
  SELECT m.*, sum(m.swy) OVER domain / sum(m.sw) OVER domain AS estimate, sum(m.sw) OVER domain AS domain_sw,
    p.n AS population
  FROM moments m LEFT JOIN populatie p ON p.size_class = m.stratum
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
    bool_or(unsafe) AS hidden
  FROM strata GROUP BY groep
),
protected AS (
  -- one hidden group beside a total that may be shown: the next smallest non-empty group goes too
  SELECT e.*, e.hidden OR (count(*) FILTER (WHERE e.hidden) OVER () = 1 AND NOT w.hidden AND NOT e.hidden AND e.n > 0
    AND row_number() OVER (PARTITION BY e.hidden, e.n > 0 ORDER BY e.n, e.groep) = 1) AS suppressed,
    ${t975("e.df", "t.q975")} AS t975
  FROM estimates e CROSS JOIN whole w LEFT JOIN t_quantiles t ON t.df = e.df
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
 * page or `(sql) => connection.run(sql)` in node. Needs the table `respondents` (size_class, role, weight) to use them.
 */
export async function registerSurveyFunctions(run: (sql: string) => Promise<unknown>, options: SurveyFunctionOptions): Promise<void> {
  for (const statement of surveyFunctionStatements(options)) await run(statement);
}
