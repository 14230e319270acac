// Example queries: one for every printed table and figure of the report, plus a few methods queries.
// Each is plain SQL over the four survey tables, so a reader can see how a published number is made
// and change it. The size classes, sections, scales and the items of each figure come from the survey's metadata,
// never typed here. Groups of 1-4 respondents are blanked, and so is every number they would follow from by
// subtraction (the rule of ../stats/suppression.ts, written out in SQL so that the reader sees it).
import {itemsOfFigure, type SurveyMeta, type SurveyScale} from "../survey/survey-meta.js";
import {literal, quoted, remark, small} from "./example-sql.js";
import {methodsExamples} from "./methods-examples.js";

export {DERIVABLE_TEXT} from "./example-sql.js";

export interface ExampleQuery {
  /** Stable id, also used in tests: "tabel-1", "figuur-3", "methode-gewogen". */
  id: string;
  /** What the report calls it: "Tabel 1", "Figuur 10", or "Methode". */
  source: string;
  /** Section of the report as "<number> <title>" from the metadata; "Methoden" for the methods queries. */
  section: string;
  title: string;
  sql: string;
}

/** The report's titles of its figures and tables (the words of the report, not derived from the data). */
const titles: Record<string, string> = {
  "Figuur 1": "Uitdaging beschikbaarheid van kennis voor traditionele taken",
  "Figuur 2": "Uitdaging beschikbaarheid van kennis voor nieuwe taken",
  "Tabel 1": "Beschikbaarheid van kennis naar gemeentegrootte",
  "Figuur 3": "Vragen over beschikbaarheid van kennis (1-4)",
  "Figuur 4": "Vragen over beschikbaarheid van kennis (5-8)",
  "Figuur 5": "Bestaande kennisorganisatie naar gemeentegrootte (% ja)",
  "Tabel 2": "Kennismanagement naar gemeentegrootte",
  "Figuur 6": "Vier vragen over kennismanagement",
  "Figuur 7": "Facilitering van kennisnetwerken",
  "Tabel 3": "Externe kennis binnenhalen naar gemeentegrootte",
  "Figuur 8": "Externe kennis binnenhalen",
  "Tabel 4": "Externe contacten benutten naar gemeentegrootte",
  "Figuur 9": "Externe contacten benutten",
  "Tabel 5": "Inwoners peilen en informeren / betrekken naar gemeentegrootte",
  "Figuur 14": "Inwoners peilen en informeren",
  "Figuur 15": "Inwoners betrekken",
  "Figuur 16": "Vragen over beleidsevaluaties"
};
/** Figures 10 onward show the same needs for each size class in turn; the report names the municipalities so. */
const needsAudience = ["kleine gemeenten", "middelgrote gemeenten", "grote gemeenten", "steden"];

/** Everything the queries read from the metadata. */
function domain(meta: SurveyMeta) {
  const sizeOrder = `[${quoted(meta.sizeClasses)}]`;
  const section = (source: string) => {
    const s = meta.sections.find((x) => x.figures.includes(source) || x.tables.includes(source));
    if (!s) throw new Error(`invalid figure or table: ${source}`);
    return `${s.id} ${s.title}`;
  };
  const range = (scale: SurveyScale) => {
    const item = meta.items.find((i) => i.id === scale.items[0])!;
    const codes = meta.responseScales[item.responseScale].options.map((o) => o.code);
    return `${Math.min(...codes)}-${Math.max(...codes)}`;
  };
  return {sizeOrder, section, range};
}

/**
 * Tables 1-5: the mean scale score per size class and in total, with n (respondents with a score). Per scale, a
 * size class with 1-4 scores is blanked, and then the total too (else total minus the shown classes gives it).
 */
function scaleTable(scales: {column: string; label: string}[], sizeOrder: string): string {
  const cells = scales.flatMap(({column}, k) => [`    avg(${column}) AS mean_${k}`, `    count(${column}) AS n_${k}`]);
  const flags = scales.flatMap((_, k) => [
    `    size_class IS NOT NULL AND ${small(`n_${k}`)} AS small_${k}`,
    `    CASE WHEN size_class IS NULL THEN bool_or(size_class IS NOT NULL AND ${small(`n_${k}`)}) OVER () ELSE ${small(`n_${k}`)} END AS hidden_${k}`
  ]);
  const measures = scales.flatMap(({label}, k) => [`  CASE WHEN NOT hidden_${k} THEN round(mean_${k}, 2) END AS "${label}"`, `  CASE WHEN NOT hidden_${k} THEN n_${k} END AS "n ${label}"`]);
  const any = (prefix: string) => scales.map((_, k) => `${prefix}_${k}`).join(" OR ");
  return `WITH cells AS (
  SELECT size_class,
${cells.join(",\n")}
  FROM respondents
  GROUP BY ROLLUP (size_class)
), flags AS (
  SELECT *,
${flags.join(",\n")}
  FROM cells
)
SELECT
  coalesce(size_class, 'Totaal') AS gemeentegrootte,
${measures.join(",\n")},
  ${remark(any("small"), any("hidden"))}
FROM flags
ORDER BY size_class IS NULL, list_position(${sizeOrder}, size_class)`;
}

/** Item figures: per question the share of each answer (percent of those who answered). */
function distribution(items: readonly string[]): string {
  return `SELECT
  i.text_nl AS vraag,
  a.code || ' ' || a.label AS antwoord,
  round(100 * count(*) / sum(count(*)) OVER (PARTITION BY i.item_id), 1) AS procent,
  count(*) AS n
FROM answers a
JOIN items i USING (item_id)
WHERE i.item_id IN (${quoted(items)})
GROUP BY i.item_order, i.item_id, i.text_nl, a.code, a.label
ORDER BY i.item_order, a.code`;
}

/** One size class's answers: a question that 1-4 respondents of the class answered is blanked. */
function classDistribution(items: readonly string[], sizeClass: string): string {
  return `WITH cells AS (
  SELECT i.item_order, i.text_nl, a.code, a.label, count(*) AS n, sum(count(*)) OVER (PARTITION BY i.item_id) AS answered
  FROM answers a
  JOIN items i USING (item_id)
  JOIN respondents r USING (respondent_id)
  WHERE i.item_id IN (${quoted(items)})
    AND r.size_class = ${literal(sizeClass)}
  GROUP BY i.item_order, i.item_id, i.text_nl, a.code, a.label
)
SELECT
  text_nl AS vraag,
  code || ' ' || label AS antwoord,
  CASE WHEN NOT ${small("answered")} THEN round(100 * n / answered, 1) END AS procent,
  CASE WHEN NOT ${small("answered")} THEN n END AS n,
  ${remark(small("answered"), "false")}
FROM cells
ORDER BY item_order, code`;
}

/** Figure 5: the share answering yes per size class and in total; the same protection as the scale tables, per item. */
function sharesBySize(items: readonly string[], sizeOrder: string): string {
  return `WITH cells AS (
  SELECT i.item_order, i.text_nl, r.size_class, avg(a.code) AS yes, count(*) AS n
  FROM answers a
  JOIN items i USING (item_id)
  JOIN respondents r USING (respondent_id)
  WHERE i.item_id IN (${quoted(items)})
  GROUP BY GROUPING SETS ((i.item_order, i.text_nl, r.size_class), (i.item_order, i.text_nl))
), flags AS (
  SELECT *,
    size_class IS NOT NULL AND ${small("n")} AS small,
    CASE WHEN size_class IS NULL THEN bool_or(size_class IS NOT NULL AND ${small("n")}) OVER (PARTITION BY item_order) ELSE ${small("n")} END AS hidden
  FROM cells
)
SELECT
  text_nl AS voorziening,
  coalesce(size_class, 'Totaal') AS gemeentegrootte,
  CASE WHEN NOT hidden THEN round(100 * yes, 1) END AS "procent ja",
  CASE WHEN NOT hidden THEN n END AS n,
  ${remark("small", "hidden")}
FROM flags
ORDER BY item_order, size_class IS NULL, list_position(${sizeOrder}, size_class)`;
}

/** The example queries for a survey, in report order. */
export function exampleQueries(meta: SurveyMeta): ExampleQuery[] {
  const {sizeOrder, section, range} = domain(meta);
  const figure = (source: string, sql = distribution(itemsOfFigure(meta, source))): ExampleQuery => ({id: source.toLowerCase().replace(" ", "-"), source, section: section(source), title: titles[source], sql});
  const table = (source: string): ExampleQuery => {
    const scales = meta.scales.filter((s) => s.table === source);
    if (!scales.length) throw new Error(`invalid table: ${source}`);
    return figure(source, scaleTable(scales.map((s) => ({column: s.id, label: `${s.id.replaceAll("_", " ")} (${range(s)})`})), sizeOrder));
  };
  // Figures that share the items of Figure 10 show one size class each, in size order (as the story draws them).
  const needsItems = itemsOfFigure(meta, "Figuur 10").join(",");
  const needs = Object.keys(meta.figureItems).filter((f) => meta.figureItems[f].join(",") === needsItems);
  return [
    figure("Figuur 1"),
    figure("Figuur 2"),
    table("Tabel 1"),
    figure("Figuur 3"),
    figure("Figuur 4"),
    figure("Figuur 5", sharesBySize(itemsOfFigure(meta, "Figuur 5"), sizeOrder)),
    table("Tabel 2"),
    figure("Figuur 6"),
    figure("Figuur 7"),
    table("Tabel 3"),
    figure("Figuur 8"),
    table("Tabel 4"),
    figure("Figuur 9"),
    ...needs.map((source, i) => {
      const sizeClass = meta.sizeClasses[i];
      return {...figure(source, classDistribution(itemsOfFigure(meta, source), sizeClass)), title: `Behoeften van ${needsAudience[i] ?? "gemeenten"} (${sizeClass})`};
    }),
    table("Tabel 5"),
    figure("Figuur 14"),
    figure("Figuur 15"),
    figure("Figuur 16"),
    ...methodsExamples(meta, sizeOrder)
  ];
}

/** Examples grouped by section, in report order, for the example menu. */
export function examplesBySection(list: readonly ExampleQuery[]): [string, ExampleQuery[]][] {
  const groups = new Map<string, ExampleQuery[]>();
  for (const example of list) groups.set(example.section, [...(groups.get(example.section) ?? []), example]);
  return [...groups];
}

/** The example query to show first: Table 1, the report's first number. */
export function defaultExample(list: readonly ExampleQuery[]): ExampleQuery {
  return list.find((e) => e.id === "tabel-1") ?? list[0];
}

/** The example query that reproduces a printed figure or table ("Figuur 3", "Tabel 1"), if there is one. */
export function exampleFor(list: readonly ExampleQuery[], source: string): ExampleQuery | null {
  return list.find((e) => e.source === source) ?? null;
}
