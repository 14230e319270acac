// A story figure as a notebook: the page's filters as input cells, the figure's numbers as a named SQL cell that
// uses those inputs as parameters, a chart cell that draws them like the figure, and a text cell saying what it is.
// The numbers come from the notebook's survey functions (survey_share, survey_mean and their _by forms in
// ../notebook/survey-sql.ts): the same estimator as the story (share of those who answered, weighted or not; the
// domain mean under the stratified design with the fpc) and the same small-group rule (the story's, which the survey
// functions apply per size class, looking at every role with `one_role`), so the notebook shows what the figure
// shows, hidden groups included. The notebook is a copy: whatever a reader changes there never reaches the story.
import {notebookLink} from "../notebook/share.js";
import type {Cell, ChartCell, Notebook} from "../notebook/notebook.js";
import {itemById, optionsOf, type SurveyMeta} from "../survey/survey-meta.js";
import {TOTAL, type StoryFilter} from "./model.js";
import {quoteIdentifier, sqlLiteral} from "./sql.js";

/** What a figure counts: answer shares of items (per size class or in total), or scale means per size class. */
export type FigureQuery =
  | {
      kind: "distribution";
      items: string[];
      /** One row per selected size class and the total (Figures 1, 2, 5), else the total only. */
      bySize?: boolean;
      /** Only these answer codes (Figure 5 shows "ja"); every code of the item by default. */
      codes?: number[];
      /** Only these size classes, whatever the page's filter (Figures 10-13 each show one). */
      sizes?: string[];
      /** Diverging bars (default) or bars of one answer per size class. */
      chart?: "likert" | "shares";
    }
  | {kind: "means"; scales: string[]}
  /** Each scale's mean over the selection, unweighted and weighted (the lab's weighting figure). */
  | {kind: "weighting"; scales: string[]};

export interface FigureNotebookOptions {
  /** "Figuur 3", "Tabel 1". */
  number: string;
  title: string;
  query: FigureQuery;
  filter: StoryFilter;
  meta: SurveyMeta;
}

/** Names of the input cells, as the page's URL names its filters. */
export const FIGURE_INPUTS = {sizes: "grootte", role: "functie", weighting: "weging"} as const;
/** The SQL cell with the respondents of the filter's size classes (every role); the figure's query reads it by name. */
export const SELECTION = "selectie";
const ALL_ROLES = "alle";
const WEIGHTINGS = ["ongewogen", "gewogen"];

/** "Figuur 3" -> "figuur_3": the SQL name of a figure's result. */
export function figureResultName(number: string): string {
  return number.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").replace(/^(?=[0-9])/, "f_");
}

/** The size classes a figure's notebook starts with: the page's, narrowed to the figure's own when it has them. */
function startSizes(query: FigureQuery, filter: StoryFilter): string[] {
  return query.kind === "distribution" && query.sizes ? filter.sizes.filter((s) => query.sizes!.includes(s)) : [...filter.sizes];
}

/** `weighted := ...`: the weighting input as the survey functions' argument. */
const weighted = `weighted := $${FIGURE_INPUTS.weighting} = 'gewogen'`;
/**
 * `one_role := ...`: the role input as the survey functions' argument (NULL for all roles). The selection holds every
 * role, so that the small-group rule sees the roles a one-role view leaves out, as the story's does.
 */
const oneRole = `one_role := nullif($${FIGURE_INPUTS.role}, '${ALL_ROLES}')`;
/** The survey functions' named arguments for the inputs: weighting and role. */
const inputArguments = `${weighted}, ${oneRole}`;

/** `ORDER BY` position of groups: the size classes in the metadata's order, the total last. */
const groupOrder = (meta: SurveyMeta, column: string) => `list_position(${sqlLiteral([...meta.sizeClasses, TOTAL])}, ${column})`;

/** Estimates (survey function calls) one below the other, in the figure's order. */
function inOrder(estimates: string[], order: string): string {
  return `SELECT * FROM (
${estimates.join("\nUNION ALL\n")}
)
ORDER BY ${order}`;
}

/** The SQL cell with the figure's answers in long form (one row per respondent and question answered). */
export const ANSWERS = "antwoorden";
/** Separates question and size class in the combined group column of the long form. */
const PAIR = " | ";

/**
 * The selection's answers to the figure's questions in long form, so that one survey function call gives a share
 * for every question (and size class) at once: the group is the question (`item_id`) or the question and size class
 * (`item_klasse`). Every respondent has a row per question, with an empty answer when there is none (the share counts
 * those who answered): so each question holds every selected municipality once, and a total over several questions
 * holds them twice, which the survey functions refuse instead of letting it stand beside the questions' groups.
 */
export function answersSql(items: string[]): string {
  return `SELECT size_class, role, weight, item_id, item_id || ${sqlLiteral(PAIR)} || size_class AS item_klasse, antwoord
FROM (SELECT size_class, role, weight, unnest(${sqlLiteral(items)}) AS item_id, unnest([${items.map(quoteIdentifier).join(", ")}]) AS antwoord FROM ${SELECTION})`;
}

/** The SQL of a distribution figure: per item, group and answer code the share (and n) from the survey functions. */
export function distributionSql(query: Extract<FigureQuery, {kind: "distribution"}>, meta: SurveyMeta): string {
  const labels = query.items.flatMap((item) => {
    const question = itemById(meta, item).shortLabel;
    return optionsOf(meta, item)
      .filter((o) => !query.codes || query.codes.includes(o.code))
      .map((o) => `(${sqlLiteral(item)}, ${sqlLiteral(question)}, ${o.code}, ${sqlLiteral(o.label)})`);
  });
  const codes = [...new Set(query.items.flatMap((item) => optionsOf(meta, item).map((o) => o.code)))].filter((c) => !query.codes || query.codes.includes(c));
  const estimates = codes.flatMap((code) => {
    const args = (group: string) => `${sqlLiteral(ANSWERS)}, 'antwoord', ${code}, ${sqlLiteral(group)}, ${inputArguments}`;
    const total = `SELECT groep AS item_id, ${sqlLiteral(TOTAL)} AS groep, ${code} AS code, n, share, suppressed FROM survey_share_by(${args("item_id")})`;
    const bySize = `SELECT split_part(groep, ${sqlLiteral(PAIR)}, 1) AS item_id, split_part(groep, ${sqlLiteral(PAIR)}, 2) AS groep, ${code} AS code, n, share, suppressed FROM survey_share_by(${args("item_klasse")})`;
    return query.bySize ? [bySize, total] : [total];
  });
  // the labels of questions and answers, and which answers the figure shows
  return `SELECT e.item_id, l.vraag, e.groep, e.code, l.antwoord, e.n, e.share, e.suppressed
FROM (
${estimates.join("\nUNION ALL\n")}
) e
JOIN (VALUES ${labels.join(", ")}) l(item_id, vraag, code, antwoord) ON l.item_id = e.item_id AND l.code = e.code
ORDER BY list_position(${sqlLiteral(query.items)}, e.item_id), ${groupOrder(meta, "e.groep")}, e.code`;
}

/** The SQL of one scale of a means figure (Tables 1-5): the mean with its interval per size class and in total. */
export function meansSql(scale: string, meta: SurveyMeta): string {
  const columns = `${sqlLiteral(scale)} AS schaal, n, mean, se, lower, upper, suppressed`;
  return inOrder(
    [
      `SELECT groep, ${columns} FROM survey_mean_by(${sqlLiteral(SELECTION)}, ${sqlLiteral(scale)}, 'size_class', ${inputArguments})`,
      `SELECT ${sqlLiteral(TOTAL)} AS groep, ${columns} FROM survey_mean(${sqlLiteral(SELECTION)}, ${sqlLiteral(scale)}, ${inputArguments})`
    ],
    groupOrder(meta, "groep")
  );
}

/** The SQL of a weighting figure: per scale the mean (with interval) unweighted and weighted, over the selection. */
export function weightingSql(scales: string[], meta: SurveyMeta): string {
  const estimates = scales.flatMap((scale) => {
    const title = meta.scales.find((s) => s.id === scale)?.title ?? scale;
    return [false, true].map((w) => `SELECT ${sqlLiteral(scale)} AS schaal_id, ${sqlLiteral(title)} AS schaal, ${sqlLiteral(w ? "gewogen" : "ongewogen")} AS weging, ${sqlLiteral(TOTAL)} AS groep, n, mean, se, lower, upper, suppressed FROM survey_mean(${sqlLiteral(SELECTION)}, ${sqlLiteral(scale)}, weighted := ${w}, ${oneRole})`);
  });
  return inOrder(estimates, `list_position(${sqlLiteral(scales)}, schaal_id), weging DESC`);
}

/**
 * The respondents of the size classes the inputs keep, every role, for the figure's query to read by name; the role
 * input goes to the survey functions (`one_role`), which count over that role and apply the small-group rule over all.
 */
export function selectionSql(): string {
  return `SELECT * FROM respondents
WHERE list_contains($${FIGURE_INPUTS.sizes}, size_class)`;
}

/** The figure's query and chart cells: one pair per scale for a means figure (Table 5 has two). */
function figureCells(number: string, query: FigureQuery, meta: SurveyMeta): Cell[] {
  const name = figureResultName(number);
  if (query.kind === "weighting") {
    return [
      {kind: "sql", id: "sql-1", name, sql: weightingSql(query.scales, meta)},
      {kind: "chart", id: "grafiek-1", from: name, mark: "dot", x: "mean", y: "schaal", color: "weging"}
    ];
  }
  if (query.kind === "means") {
    return query.scales.flatMap((scale, i): Cell[] => {
      const result = query.scales.length > 1 ? `${name}_${scale}` : name;
      return [
        {kind: "sql", id: `sql-${i + 1}`, name: result, sql: meansSql(scale, meta)},
        {kind: "chart", id: `grafiek-${i + 1}`, from: result, mark: "mean-interval", x: "mean", y: "groep"}
      ];
    });
  }
  const chart: ChartCell =
    query.chart === "shares"
      ? {kind: "chart", id: "grafiek-1", from: name, mark: "bar", x: "groep", y: "share", color: "groep", facet: "vraag"}
      : {kind: "chart", id: "grafiek-1", from: name, mark: "likert", x: "share", y: query.bySize && query.items.length === 1 ? "groep" : "vraag", color: "antwoord"};
  return [{kind: "sql", id: "sql-antwoorden", name: ANSWERS, sql: answersSql(query.items)}, {kind: "sql", id: "sql-1", name, sql: distributionSql(query, meta)}, chart];
}

/** What the notebook is, in a few sentences of Markdown. */
function introduction({number, title, query}: FigureNotebookOptions): string {
  const what = {
    means: "het gemiddelde per gemeentegrootte en in totaal, met het 95%-interval (`survey_mean_by` en `survey_mean`)",
    weighting: "per schaal het gemiddelde ongewogen en gewogen, met het 95%-interval (`survey_mean` met `weighted := false` en `true`)",
    distribution: `per vraag het aandeel gemeenten per antwoord, van wie de vraag beantwoordde (\`survey_share_by\` over de query \`${ANSWERS}\`, die de antwoorden onder elkaar zet)`
  }[query.kind];
  return [
    `## ${number}: ${title}`,
    "",
    `Dit notebook rekent ${number} na met de filters waarmee u de figuur bekeek. De invoercellen hieronder zijn die filters; de query \`${SELECTION}\` houdt de gemeenten van de gekozen grootteklassen over (alle functies), en de query met de naam van de figuur geeft ${what}, met \`one_role\` voor de gekozen functie: dezelfde definities als het verhaal.`,
    "",
    `Groepen die het verhaal niet toont, blijven hier ook leeg: de enquêtefuncties verbergen een grootteklasse met 1 tot 4 antwoorden, of, bij één functie, met 1 tot 4 antwoorden van een van de functies (anders volgde die uit alle functies min de getoonde), en een totaal waarin zo'n klasse zit.`,
    "",
    "Verander een invoer of een query en het notebook rekent opnieuw; het verhaal zelf verandert niet."
  ].join("\n");
}

/** The notebook behind a figure, with the page's current filters. */
export function figureNotebook(options: FigureNotebookOptions): Notebook {
  const {number, query, filter, meta} = options;
  const {sizes, role, weighting} = FIGURE_INPUTS;
  return {
    version: 1,
    title: `${number}: ${options.title}`.slice(0, 200),
    cells: [
      {kind: "text", id: "uitleg", markdown: introduction(options)},
      {kind: "input", id: "invoer-grootte", name: sizes, label: "Gemeentegrootte", control: "checkboxes", options: [...meta.sizeClasses], value: startSizes(query, filter)},
      {kind: "input", id: "invoer-functie", name: role, label: "Ingevuld door", control: "select", options: [ALL_ROLES, ...meta.roles], value: filter.role},
      // a weighting figure shows both weightings side by side
      ...(query.kind === "weighting" ? [] : [{kind: "input", id: "invoer-weging", name: weighting, label: "Weging", control: "select", options: WEIGHTINGS, value: filter.weighted ? "gewogen" : "ongewogen"} satisfies Cell]),
      {kind: "sql", id: "sql-selectie", name: SELECTION, sql: selectionSql()},
      ...figureCells(number, query, meta)
    ]
  };
}

/** The notebook page relative to the current page, so that links also work when the site lives in a sub-folder. */
export function notebookPath(): string {
  const depth = typeof location === "undefined" ? 0 : location.pathname.split("/").length - 2;
  return depth > 0 ? `${"../".repeat(depth)}notebook` : "./notebook";
}

/** "Open als notebook": the link to the figure's notebook, or null when it would be too long to share. */
export function figureNotebookLink(options: FigureNotebookOptions, page = notebookPath()): string | null {
  try {
    return notebookLink(figureNotebook(options), {page});
  } catch {
    return null;
  }
}
