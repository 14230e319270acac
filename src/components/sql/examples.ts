// Example queries: one for every printed table and figure of the report, plus a few methods queries.
// Each is plain SQL over the four survey tables, so a reader can see how a published number is made
// and change it. The size classes, sections, scales and the items of each figure come from the survey's metadata,
// never typed here. Groups of 1-4 respondents are blanked, and so is every number they would follow from by
// subtraction (the rule of ../stats/suppression.ts, written out in SQL so that the reader sees it).
import {MIN_GROUP_SIZE, SUPPRESSED_TEXT} from "../stats/suppression.js";
import {itemsOfFigure, type SurveyMeta, type SurveyScale} from "../survey/survey-meta.js";

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

/** The note beside a number that is blanked only because a hidden group would follow from it. */
export const DERIVABLE_TEXT = "niet getoond (anders af te leiden)";
const METHODS = "Methoden";

/** SQL string literal. */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const quoted = (ids: readonly string[]) => ids.map(literal).join(", ");
/** SQL: a group of 1-4 respondents (a group with none discloses nothing). */
const small = (n: string) => `${n} BETWEEN 1 AND ${MIN_GROUP_SIZE - 1}`;
/** SQL: the opmerking column from a `small` and a `hidden` flag. */
const remark = (isSmall: string, isHidden: string) => `CASE WHEN ${isSmall} THEN ${literal(SUPPRESSED_TEXT)} WHEN ${isHidden} THEN ${literal(DERIVABLE_TEXT)} END AS opmerking`;

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
  const scaleColumns = meta.scales.map((s) => s.id).join(", ");
  const firstScale = meta.scales.find((s) => s.table === "Tabel 1")!;
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
    {
      id: "methode-gewogen",
      source: "Methode",
      section: METHODS,
      title: "Gewogen en ongewogen gemiddelde per schaal (weging naar gemeentegrootte)",
      sql: `WITH scores AS (
  UNPIVOT (
    SELECT size_class, weight, ${scaleColumns}
    FROM respondents
  )
  ON ${scaleColumns}
  INTO NAME schaal VALUE score
), cells AS (
  SELECT schaal, size_class, count(*) AS n
  FROM scores
  GROUP BY schaal, size_class
), hidden AS (
  -- A total that includes a size class of 1-4 scores would give that class by subtraction from Tables 1-5.
  SELECT schaal, bool_or(${small("n")}) AS hidden
  FROM cells
  GROUP BY schaal
)
SELECT
  schaal,
  CASE WHEN NOT hidden THEN round(avg(score), 2) END AS ongewogen,
  CASE WHEN NOT hidden THEN round(sum(weight * score) / sum(weight), 2) END AS gewogen,
  CASE WHEN NOT hidden THEN count(*) END AS n,
  ${remark("false", "hidden")}
FROM scores
JOIN hidden USING (schaal)
GROUP BY schaal, hidden
ORDER BY schaal`
    },
    {
      id: "methode-kruistabel",
      source: "Methode",
      section: METHODS,
      title: "Kruistabel gemeentegrootte × functie met rijpercentages",
      sql: `WITH cells AS (
  SELECT size_class, role, count(*) AS n
  FROM respondents
  GROUP BY size_class, role
), flags AS (
  -- A size class with one role of 1-4 respondents is blanked as a whole: the other role would give it.
  SELECT *, ${small("n")} AS small, bool_or(${small("n")}) OVER (PARTITION BY size_class) AS hidden
  FROM cells
)
SELECT
  size_class AS gemeentegrootte,
  role AS functie,
  CASE WHEN NOT hidden THEN n END AS n,
  CASE WHEN NOT hidden THEN round(100 * n / sum(n) OVER (PARTITION BY size_class), 1) END AS "procent van rij",
  ${remark("small", "hidden")}
FROM flags
ORDER BY list_position(${sizeOrder}, size_class), role`
    },
    {
      id: "methode-nonrespons",
      source: "Methode",
      section: METHODS,
      title: "Item-nonrespons: hoeveel respondenten sloegen een vraag over?",
      sql: `WITH hidden AS (
  -- A question that 1-4 respondents of a size class answered: its total would give that group by subtraction.
  SELECT item_id, bool_or(${small("n")}) AS hidden
  FROM (SELECT a.item_id, r.size_class, count(*) AS n FROM answers a JOIN respondents r USING (respondent_id) GROUP BY a.item_id, r.size_class)
  GROUP BY item_id
)
SELECT
  i.item_id,
  i.text_nl AS vraag,
  CASE WHEN NOT coalesce(h.hidden, false) THEN (SELECT count(*) FROM respondents) - count(a.code) END AS "niet beantwoord",
  CASE WHEN NOT coalesce(h.hidden, false) THEN round(100 * ((SELECT count(*) FROM respondents) - count(a.code)) / (SELECT count(*) FROM respondents), 1) END AS procent,
  ${remark("false", "coalesce(h.hidden, false)")}
FROM items i
LEFT JOIN answers a USING (item_id)
LEFT JOIN hidden h USING (item_id)
GROUP BY i.item_order, i.item_id, i.text_nl, h.hidden
ORDER BY procent DESC, i.item_order`
    },
    {
      id: "methode-schaalscore",
      source: "Methode",
      section: METHODS,
      title: "Schaalscore zelf berekenen: gemiddelde van de acht vragen, alleen als alle acht beantwoord zijn",
      sql: `SELECT
  r.respondent_id,
  r.${firstScale.id} AS "score in het bestand",
  CASE WHEN count(a.code) = ${firstScale.items.length} THEN round(avg(a.code), 4) END AS "zelf berekend"
FROM respondents r
LEFT JOIN answers a
  ON a.respondent_id = r.respondent_id
  AND a.item_id IN (${quoted(firstScale.items)})
GROUP BY r.respondent_id, r.${firstScale.id}
ORDER BY r.respondent_id
LIMIT 20`
    }
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
