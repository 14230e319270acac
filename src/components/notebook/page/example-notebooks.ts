// The notebooks a reader can start from: every example query of the SQL workbench as a notebook (a note on where
// the number is printed, the query, and a chart where the result has an obvious one), and three teaching notebooks
// on the survey's design. Everything comes from the survey's metadata (size classes, scales, items) and the survey
// SQL functions; no number is typed here.
import {exampleQueries} from "../../sql/examples.js";
import type {SurveyMeta} from "../../survey/survey-meta.js";
import {sqlLiteral} from "../../story/sql.js";
import {MIN_GROUP_SIZE} from "../../stats/suppression.js";
import {parseNotebook, type Notebook} from "../notebook.js";

export interface ExampleNotebook {
  id: string;
  /** The group in the menu: the report's section, "Methoden", or "Lesmateriaal". */
  group: string;
  title: string;
  notebook: Notebook;
}

export const TEACHING = "Lesmateriaal";

/** The 24 example queries, each as a notebook with one SQL cell named `tabel1`. */
export function exampleNotebooks(meta: SurveyMeta): ExampleNotebook[] {
  return exampleQueries(meta).map((example) => ({
    id: example.id,
    group: example.section,
    title: `${example.source}: ${example.title}`,
    notebook: parseNotebook({
      version: 1,
      title: `${example.source}: ${example.title}`,
      cells: [
        {kind: "text", id: "uitleg", markdown: `**${example.source}** uit hoofdstuk ${example.section}: ${example.title}.\n\nPas de query aan en voer hem uit met Ctrl+Enter; voeg een cel toe die \`FROM tabel1\` leest om verder te rekenen.`},
        {kind: "sql", id: "q1", name: "tabel1", sql: example.sql}
      ]
    })
  }));
}

/** The first scale of the survey (its column in `respondents` has the scale's id) and its title. */
function firstScale(meta: SurveyMeta) {
  const scale = meta.scales[0];
  if (!scale) throw new Error("invalid survey metadata: no scales");
  return scale;
}

/** Weighted versus unweighted mean of a scale, with the design-based 95% interval, for all or one size class. */
function weightedVersusUnweighted(meta: SurveyMeta): Notebook {
  const scale = firstScale(meta);
  const column = sqlLiteral(scale.id);
  return parseNotebook({
    version: 1,
    title: "Gewogen en ongewogen gemiddelde met interval",
    cells: [
      {kind: "text", id: "uitleg", markdown: `De respons is niet gelijk verdeeld over de grootteklassen. Het **gewogen** gemiddelde telt elke gemeente naar het aandeel van haar grootteklasse onder alle ${meta.population.total} gemeenten; het **ongewogen** gemiddelde telt elke gemeente die antwoordde één keer. Het interval houdt rekening met de gestratificeerde steekproef en de eindige populatie (survey_mean). Schaal: ${scale.title}.`},
      {kind: "input", id: "grootte", name: "grootte", label: "Gemeentegrootte", control: "select", options: ["alle", ...meta.sizeClasses], value: "alle"},
      {kind: "sql", id: "domein", name: "domein", sql: "FROM respondents\nWHERE $grootte = 'alle' OR size_class = $grootte"},
      {kind: "sql", id: "vergelijking", name: "vergelijking", sql: `SELECT 'gewogen' AS weging, * FROM survey_mean('domein', ${column})\nUNION ALL\nSELECT 'ongewogen' AS weging, * FROM survey_mean('domein', ${column}, weighted := false)`},
      {kind: "chart", id: "grafiek", from: "vergelijking", mark: "mean-interval", x: "mean", y: "weging"}
    ]
  });
}

/** Item nonresponse: per size class, how many respondents left a chosen question open. */
function itemNonresponse(meta: SurveyMeta): Notebook {
  const items = meta.items.map((i) => i.id);
  const order = `[${meta.sizeClasses.map(sqlLiteral).join(", ")}]`;
  return parseNotebook({
    version: 1,
    title: "Itemnonrespons naar grootteklasse",
    cells: [
      {kind: "text", id: "uitleg", markdown: `Niet elke gemeente die de vragenlijst invulde, beantwoordde elke vraag. Kies een vraag en zie per grootteklasse welk deel haar openliet. Een grootteklasse met minder dan ${MIN_GROUP_SIZE} gemeenten wordt niet getoond.`},
      {kind: "input", id: "vraag", name: "vraag", label: "Vraag", control: "select", options: items, value: items[0]},
      {kind: "sql", id: "tekst", name: "vraagtekst", sql: "SELECT item_id, text_nl FROM items WHERE item_id = $vraag"},
      {
        kind: "sql",
        id: "nonrespons",
        name: "nonrespons",
        sql: `SELECT r.size_class,\n  CASE WHEN count(*) >= ${MIN_GROUP_SIZE} THEN count(*) END AS gemeenten,\n  CASE WHEN count(*) >= ${MIN_GROUP_SIZE} THEN 100 * (1 - count(a.code) / count(*)) END AS pct_open\nFROM respondents r\nLEFT JOIN answers a ON a.respondent_id = r.respondent_id AND a.item_id = $vraag\nGROUP BY r.size_class\nORDER BY list_position(${order}, r.size_class)`
      },
      {kind: "chart", id: "grafiek", from: "nonrespons", mark: "bar", x: "size_class", y: "pct_open"}
    ]
  });
}

/** Two size classes compared: each mean with its interval, and the difference with its design-based interval. */
function twoSizeClasses(meta: SurveyMeta): Notebook {
  const scale = firstScale(meta);
  const [a, b] = [meta.sizeClasses[0], meta.sizeClasses[meta.sizeClasses.length - 1]];
  return parseNotebook({
    version: 1,
    title: "Twee grootteklassen vergelijken",
    cells: [
      {kind: "text", id: "uitleg", markdown: `Verschillen twee grootteklassen echt op de schaal ${scale.title}? De grootteklassen zijn aparte strata van de steekproef, dus hun schattingen zijn onafhankelijk: de standaardfout van het verschil is de wortel uit de som van de kwadraten van beide standaardfouten. Bevat het interval van het verschil de 0, dan is het verschil niet zeker.`},
      {kind: "input", id: "klasse_a", name: "klasse_a", label: "Eerste grootteklasse", control: "select", options: meta.sizeClasses, value: a},
      {kind: "input", id: "klasse_b", name: "klasse_b", label: "Tweede grootteklasse", control: "select", options: meta.sizeClasses, value: b},
      {kind: "sql", id: "twee", name: "twee", sql: "FROM respondents WHERE size_class IN ($klasse_a, $klasse_b)"},
      {kind: "sql", id: "per_klasse", name: "per_klasse", sql: `FROM survey_mean_by('twee', ${sqlLiteral(scale.id)}, 'size_class')`},
      {kind: "chart", id: "grafiek", from: "per_klasse", mark: "mean-interval", x: "mean", y: "groep"},
      {
        kind: "sql",
        id: "verschil",
        name: "verschil",
        sql: "SELECT a.groep AS eerste, b.groep AS tweede, a.mean - b.mean AS verschil,\n  sqrt(a.se * a.se + b.se * b.se) AS se,\n  a.mean - b.mean - survey_t975(a.df + b.df) * sqrt(a.se * a.se + b.se * b.se) AS lower,\n  a.mean - b.mean + survey_t975(a.df + b.df) * sqrt(a.se * a.se + b.se * b.se) AS upper\nFROM per_klasse a, per_klasse b\nWHERE a.groep = $klasse_a AND b.groep = $klasse_b"
      }
    ]
  });
}

/** The three teaching notebooks. */
export function teachingNotebooks(meta: SurveyMeta): ExampleNotebook[] {
  return [
    {id: "les-weging", group: TEACHING, title: "Gewogen en ongewogen, met interval", notebook: weightedVersusUnweighted(meta)},
    {id: "les-nonrespons", group: TEACHING, title: "Itemnonrespons naar grootteklasse", notebook: itemNonresponse(meta)},
    {id: "les-vergelijken", group: TEACHING, title: "Twee grootteklassen vergelijken", notebook: twoSizeClasses(meta)}
  ];
}

/** Every notebook of the menu: the teaching notebooks first, then one per example query. */
export function allExampleNotebooks(meta: SurveyMeta): ExampleNotebook[] {
  return [...teachingNotebooks(meta), ...exampleNotebooks(meta)];
}
