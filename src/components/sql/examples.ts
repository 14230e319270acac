// Example queries: one for every printed table and figure of the report, plus a few methods queries.
// Each is plain SQL over the four survey tables, so a reader can see how a published number is made
// and change it. Groups of fewer than 5 respondents are blanked, as everywhere on the site.

export interface ExampleQuery {
  /** Stable id, also used in tests: "tabel-1", "figuur-3", "methode-gewogen". */
  id: string;
  /** What the report calls it: "Tabel 1", "Figuur 10", or "Methode". */
  source: string;
  /** Section of the report, e.g. "1.2 Beschikbaarheid van kennis"; "Methoden" for the methods queries. */
  section: string;
  title: string;
  sql: string;
}

/** Size classes in the report's order, as a DuckDB list literal for ORDER BY list_position(...). */
const sizeOrder = `['<25.000', '25.001-50.000', '50.001-100.000', '>100.000']`;
const quoted = (ids: string[]) => ids.map((id) => `'${id}'`).join(", ");

/** Tables 1-5: the mean scale score per size class and in total, with n (respondents with a score). */
function scaleTable(scales: {column: string; label: string}[]): string {
  const measures = scales.flatMap(({column, label}) => [`  round(avg(${column}), 2) AS "${label}"`, `  count(${column}) AS "n ${label}"`]);
  return `SELECT
  coalesce(size_class, 'Totaal') AS gemeentegrootte,
${measures.join(",\n")}
FROM respondents
GROUP BY ROLLUP (size_class)
ORDER BY size_class IS NULL, list_position(${sizeOrder}, size_class)`;
}

/** Item figures: per question the share of each answer (percent of those who answered). */
function distribution(items: string[], {where = ""} = {}): string {
  return `SELECT
  i.text_nl AS vraag,
  a.code || ' ' || a.label AS antwoord,
  round(100 * count(*) / sum(count(*)) OVER (PARTITION BY i.item_id), 1) AS procent,
  count(*) AS n
FROM answers a
JOIN items i USING (item_id)${where ? `\nJOIN respondents r USING (respondent_id)` : ""}
WHERE i.item_id IN (${quoted(items)})${where ? `\n  AND ${where}` : ""}
GROUP BY i.item_order, i.item_id, i.text_nl, a.code, a.label
ORDER BY i.item_order, a.code`;
}

const sections = {
  "1.1": "1.1 Decentralisatie en het gemeentelijk takenpakket",
  "1.2": "1.2 Beschikbaarheid van kennis",
  "1.3": "1.3 Bestaande kennisinfrastructuur",
  "1.4": "1.4 Managen van kennis",
  "1.5": "1.5 Faciliteren van kennisnetwerken",
  "1.6": "1.6 Externe kennis",
  "1.7": "1.7 Externe contacten",
  "1.8": "1.8 Behoefte aan kennisnetwerken",
  "1.9": "1.9 Inwoners peilen, informeren en betrekken",
  "1.10": "1.10 Beleidsevaluaties"
};

const beschikbaarheid1 = ["bes_behoeften", "bes_samenhang", "bes_effectiviteit", "bes_doorstroom"];
const beschikbaarheid2 = ["bes_agenda", "bes_toegesneden", "bes_integraal", "bes_communiceren"];
const behoefte = ["beh_schakelpunt", "beh_regionaal", "beh_elders", "beh_intermediair"];
const behoefteFigures: [string, string, string][] = [
  ["Figuur 10", "kleine gemeenten", "<25.000"],
  ["Figuur 11", "middelgrote gemeenten", "25.001-50.000"],
  ["Figuur 12", "grote gemeenten", "50.001-100.000"],
  ["Figuur 13", "steden", ">100.000"]
];

export const examples: ExampleQuery[] = [
  {id: "figuur-1", source: "Figuur 1", section: sections["1.1"], title: "Uitdaging beschikbaarheid van kennis voor traditionele taken", sql: distribution(["uit_traditioneel"])},
  {id: "figuur-2", source: "Figuur 2", section: sections["1.1"], title: "Uitdaging beschikbaarheid van kennis voor nieuwe taken", sql: distribution(["uit_nieuw"])},
  {id: "tabel-1", source: "Tabel 1", section: sections["1.2"], title: "Beschikbaarheid van kennis naar gemeentegrootte", sql: scaleTable([{column: "beschikbaarheid", label: "beschikbaarheid (1-4)"}])},
  {id: "figuur-3", source: "Figuur 3", section: sections["1.2"], title: "Vragen over beschikbaarheid van kennis (1-4)", sql: distribution(beschikbaarheid1)},
  {id: "figuur-4", source: "Figuur 4", section: sections["1.2"], title: "Vragen over beschikbaarheid van kennis (5-8)", sql: distribution(beschikbaarheid2)},
  {
    id: "figuur-5",
    source: "Figuur 5",
    section: sections["1.3"],
    title: "Bestaande kennisorganisatie naar gemeentegrootte (% ja)",
    sql: `SELECT
  i.text_nl AS voorziening,
  coalesce(r.size_class, 'Totaal') AS gemeentegrootte,
  CASE WHEN count(*) >= 5 THEN round(100 * avg(a.code), 1) END AS "procent ja",
  count(*) AS n
FROM answers a
JOIN items i USING (item_id)
JOIN respondents r USING (respondent_id)
WHERE i.item_id IN (${quoted(["inf_functionaris", "inf_loket", "inf_budget", "inf_afdeling"])})
GROUP BY GROUPING SETS ((i.item_order, i.text_nl, r.size_class), (i.item_order, i.text_nl))
ORDER BY i.item_order, r.size_class IS NULL, list_position(${sizeOrder}, r.size_class)`
  },
  {id: "tabel-2", source: "Tabel 2", section: sections["1.4"], title: "Kennismanagement naar gemeentegrootte", sql: scaleTable([{column: "kennismanagement", label: "kennismanagement (1-4)"}])},
  {id: "figuur-6", source: "Figuur 6", section: sections["1.4"], title: "Vier vragen over kennismanagement", sql: distribution(["km_vinden", "km_bijhouden", "km_werven", "km_inzetten"])},
  {id: "figuur-7", source: "Figuur 7", section: sections["1.5"], title: "Facilitering van kennisnetwerken", sql: distribution(["net_intern", "net_extern"])},
  {id: "tabel-3", source: "Tabel 3", section: sections["1.6"], title: "Externe kennis binnenhalen naar gemeentegrootte", sql: scaleTable([{column: "externe_kennis", label: "externe kennis (1-4)"}])},
  {
    id: "figuur-8",
    source: "Figuur 8",
    section: sections["1.6"],
    title: "Externe kennis binnenhalen",
    sql: distribution(["ext_vakliteratuur", "ext_producten", "ext_rapporten", "ext_onderzoek", "ext_contacten_ki", "ext_beroep_ki"])
  },
  {id: "tabel-4", source: "Tabel 4", section: sections["1.7"], title: "Externe contacten benutten naar gemeentegrootte", sql: scaleTable([{column: "externe_contacten", label: "externe contacten (1-4)"}])},
  {id: "figuur-9", source: "Figuur 9", section: sections["1.7"], title: "Externe contacten benutten", sql: distribution(["con_regio", "con_vergelijkbaar", "con_groot"])},
  ...behoefteFigures.map(([source, who, sizeClass]) => ({
    id: source.toLowerCase().replace(" ", "-"),
    source,
    section: sections["1.8"],
    title: `Behoeften van ${who} (${sizeClass})`,
    sql: distribution(behoefte, {where: `r.size_class = '${sizeClass}'`})
  })),
  {
    id: "tabel-5",
    source: "Tabel 5",
    section: sections["1.9"],
    title: "Inwoners peilen en informeren / betrekken naar gemeentegrootte",
    sql: scaleTable([
      {column: "inwoners_peilen", label: "peilen en informeren (1-5)"},
      {column: "inwoners_betrekken", label: "betrekken (1-5)"}
    ])
  },
  {id: "figuur-14", source: "Figuur 14", section: sections["1.9"], title: "Inwoners peilen en informeren", sql: distribution(["inw_meningen", "inw_plannen", "inw_bijeenkomsten"])},
  {id: "figuur-15", source: "Figuur 15", section: sections["1.9"], title: "Inwoners betrekken", sql: distribution(["inw_praktijkkennis", "inw_vakkennis", "inw_onderzoek"])},
  {
    id: "figuur-16",
    source: "Figuur 16",
    section: sections["1.10"],
    title: "Vragen over beleidsevaluaties",
    sql: distribution(["eva_lerend", "eva_lessen", "eva_verantwoorden", "eva_raad", "eva_extern", "eva_intern", "eva_protocollen", "eva_periodiek"])
  },
  {
    id: "methode-gewogen",
    source: "Methode",
    section: "Methoden",
    title: "Gewogen en ongewogen gemiddelde per schaal (weging naar gemeentegrootte)",
    sql: `WITH scores AS (
  UNPIVOT (
    SELECT weight, beschikbaarheid, kennismanagement, externe_kennis, externe_contacten, inwoners_peilen, inwoners_betrekken
    FROM respondents
  )
  ON beschikbaarheid, kennismanagement, externe_kennis, externe_contacten, inwoners_peilen, inwoners_betrekken
  INTO NAME schaal VALUE score
)
SELECT
  schaal,
  round(avg(score), 2) AS ongewogen,
  round(sum(weight * score) / sum(weight), 2) AS gewogen,
  count(*) AS n
FROM scores
GROUP BY schaal
ORDER BY schaal`
  },
  {
    id: "methode-kruistabel",
    source: "Methode",
    section: "Methoden",
    title: "Kruistabel gemeentegrootte × functie met rijpercentages",
    sql: `SELECT
  size_class AS gemeentegrootte,
  role AS functie,
  CASE WHEN count(*) >= 5 THEN count(*) END AS n,
  CASE WHEN count(*) >= 5 THEN round(100 * count(*) / sum(count(*)) OVER (PARTITION BY size_class), 1) END AS "procent van rij",
  CASE WHEN count(*) < 5 THEN 'te weinig waarnemingen (n<5)' END AS opmerking
FROM respondents
GROUP BY size_class, role
ORDER BY list_position(${sizeOrder}, size_class), role`
  },
  {
    id: "methode-nonrespons",
    source: "Methode",
    section: "Methoden",
    title: "Item-nonrespons: hoeveel respondenten sloegen een vraag over?",
    sql: `SELECT
  i.item_id,
  i.text_nl AS vraag,
  (SELECT count(*) FROM respondents) - count(a.code) AS "niet beantwoord",
  round(100 * ((SELECT count(*) FROM respondents) - count(a.code)) / (SELECT count(*) FROM respondents), 1) AS procent
FROM items i
LEFT JOIN answers a USING (item_id)
GROUP BY i.item_order, i.item_id, i.text_nl
ORDER BY procent DESC, i.item_order`
  },
  {
    id: "methode-schaalscore",
    source: "Methode",
    section: "Methoden",
    title: "Schaalscore zelf berekenen: gemiddelde van de acht vragen, alleen als alle acht beantwoord zijn",
    sql: `SELECT
  r.respondent_id,
  r.beschikbaarheid AS "score in het bestand",
  CASE WHEN count(a.code) = 8 THEN round(avg(a.code), 4) END AS "zelf berekend"
FROM respondents r
LEFT JOIN answers a
  ON a.respondent_id = r.respondent_id
  AND a.item_id IN (${quoted([...beschikbaarheid1, ...beschikbaarheid2])})
GROUP BY r.respondent_id, r.beschikbaarheid
ORDER BY r.respondent_id
LIMIT 20`
  }
];

/** Examples grouped by section, in report order, for the example menu. */
export function examplesBySection(list: ExampleQuery[] = examples): [string, ExampleQuery[]][] {
  const groups = new Map<string, ExampleQuery[]>();
  for (const example of list) groups.set(example.section, [...(groups.get(example.section) ?? []), example]);
  return [...groups];
}

/** The example query to show first: Table 1, the report's first number. */
export const defaultExample = examples.find((e) => e.id === "tabel-1")!;
