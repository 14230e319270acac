// The methods example queries: weighted against unweighted means, the size class x role cross table, item
// nonresponse, and a scale score computed by hand. They teach how the survey's numbers are made; like the report's
// tables they blank groups of 1-4 respondents and what would give them away.
import type {SurveyMeta} from "../survey/survey-meta.js";
import {quoted, remark, small} from "./example-sql.js";
import type {ExampleQuery} from "./examples.js";

const METHODS = "Methoden";

/** The methods queries; `sizeOrder` is the SQL list of size classes in survey order. */
export function methodsExamples(meta: SurveyMeta, sizeOrder: string): ExampleQuery[] {
  const scaleColumns = meta.scales.map((s) => s.id).join(", ");
  const firstScale = meta.scales.find((s) => s.table === "Tabel 1")!;
  return [
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
