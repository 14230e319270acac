// The notebook behind a story figure: valid, short enough for a link, the page's filters as input cells that the
// SQL uses as parameters (never as text), a chart cell like the figure.
import {beforeAll, describe, expect, it} from "vitest";
import {siteMeta} from "../../../loaders/pipeline/site-data.ts";
import {parseNotebook, type ChartCell, type InputCell, type Notebook, type SqlCell} from "../../../src/components/notebook/notebook.ts";
import {MAX_LINK_LENGTH, sharedNotebook} from "../../../src/components/notebook/share.ts";
import {figureNotebook, figureNotebookLink, figureResultName, SELECTION} from "../../../src/components/story/figure-notebook.ts";
import type {StoryFilter} from "../../../src/components/story/model.ts";
import type {SurveyMeta} from "../../../src/components/survey/survey-meta.ts";
import {storyFigureQueries} from "./story-figures.ts";

let meta: SurveyMeta;
beforeAll(async () => {
  meta = await siteMeta();
});

const input = (nb: Notebook, name: string) => nb.cells.find((c): c is InputCell => c.kind === "input" && c.name === name)!;
const sqlCells = (nb: Notebook) => nb.cells.filter((c): c is SqlCell => c.kind === "sql");
const charts = (nb: Notebook) => nb.cells.filter((c): c is ChartCell => c.kind === "chart");
const hashOf = (link: string) => link.slice(link.indexOf("#"));

describe("figureNotebook", () => {
  it("every story figure's notebook is valid and fits in a link that reopens it exactly", () => {
    const filter: StoryFilter = {sizes: [...meta.sizeClasses], role: "alle", weighted: true};
    const numbers = storyFigureQueries(meta).map(({number, query}) => {
      const notebook = figureNotebook({number, title: `Titel van ${number}`, query, filter, meta});
      expect(parseNotebook(notebook)).toEqual(notebook);
      const link = figureNotebookLink({number, title: `Titel van ${number}`, query, filter, meta}, "./notebook")!;
      expect(link.length, number).toBeLessThanOrEqual(MAX_LINK_LENGTH);
      expect(sharedNotebook({search: "", hash: hashOf(link)})).toEqual(notebook);
      return number;
    });
    expect(numbers).toHaveLength(21);
  });

  it("holds the page's filters as inputs, and the SQL reads them only as parameters", () => {
    const filter: StoryFilter = {sizes: [meta.sizeClasses[1], meta.sizeClasses[3]], role: meta.roles[0], weighted: true};
    const nb = figureNotebook({number: "Figuur 3", title: "Beschikbaarheid", query: {kind: "distribution", items: meta.figureItems["Figuur 3"]}, filter, meta});
    expect(input(nb, "grootte")).toMatchObject({control: "checkboxes", options: meta.sizeClasses, value: filter.sizes, label: "Gemeentegrootte"});
    expect(input(nb, "functie")).toMatchObject({control: "select", options: ["alle", ...meta.roles], value: meta.roles[0]});
    expect(input(nb, "weging")).toMatchObject({control: "select", value: "gewogen"});
    const selection = sqlCells(nb).find((c) => c.name === SELECTION)!;
    expect(selection.sql).toContain("$grootte");
    // the selection keeps every role: the survey functions count over the chosen one and look at all for small groups
    expect(selection.sql).not.toContain("role");
    for (const cell of sqlCells(nb)) {
      expect(cell.sql, cell.name).not.toContain(meta.roles[0]);
      // the size classes appear only in the ORDER BY list of the groups
      expect(cell.sql.split(meta.sizeClasses[1]).length - 1, cell.name).toBeLessThanOrEqual(1);
    }
    const figure = sqlCells(nb).find((c) => c.name === "figuur_3")!;
    expect(figure.sql).toContain(`FROM survey_share_by('antwoorden', 'antwoord', 1, 'item_id', weighted := $weging = 'gewogen', one_role := nullif($functie, 'alle'))`);
    expect(sqlCells(nb).find((c) => c.name === "antwoorden")!.sql).toContain(`FROM ${SELECTION}`);
    // the story's small-group rule is the survey functions' own: no cell of its own
    expect(sqlCells(nb).map((c) => c.name)).toEqual(["selectie", "antwoorden", "figuur_3"]);
    expect(charts(nb)).toEqual([{kind: "chart", id: "grafiek-1", from: "figuur_3", mark: "likert", x: "share", y: "vraag", color: "antwoord"}]);
    expect(nb.cells[0]).toMatchObject({kind: "text"});
    expect((nb.cells[0] as {markdown: string}).markdown).toContain("Figuur 3");
  });

  it("draws each figure's chart as the figure does", () => {
    const filter: StoryFilter = {sizes: [...meta.sizeClasses], role: "alle", weighted: false};
    const chartOf = (number: string) => charts(figureNotebook({number, title: number, query: storyFigureQueries(meta).find((f) => f.number === number)!.query, filter, meta}));
    expect(chartOf("Figuur 1")).toMatchObject([{mark: "likert", y: "groep", color: "antwoord"}]);
    expect(chartOf("Figuur 5")).toMatchObject([{mark: "bar", x: "groep", y: "share", facet: "vraag"}]);
    expect(chartOf("Tabel 1")).toMatchObject([{mark: "mean-interval", x: "mean", y: "groep", from: "tabel_1"}]);
    expect(chartOf("Tabel 5").map((c) => c.from)).toEqual(["tabel_5_inwoners_peilen", "tabel_5_inwoners_betrekken"]);
  });

  it("a figure of one size class starts with only that class ticked", () => {
    const filter: StoryFilter = {sizes: [...meta.sizeClasses], role: "alle", weighted: false};
    const nb = figureNotebook({number: "Figuur 12", title: "Behoeften", query: {kind: "distribution", items: meta.figureItems["Figuur 12"], sizes: [meta.sizeClasses[2]]}, filter, meta});
    expect(input(nb, "grootte").value).toEqual([meta.sizeClasses[2]]);
  });

  it("is a copy: changing the notebook leaves the filter it was made from alone", () => {
    const filter: StoryFilter = {sizes: [...meta.sizeClasses], role: "alle", weighted: false};
    const nb = figureNotebook({number: "Tabel 1", title: "Tabel 1", query: {kind: "means", scales: ["beschikbaarheid"]}, filter, meta});
    (input(nb, "grootte").value as string[]).pop();
    expect(filter.sizes).toEqual(meta.sizeClasses);
  });

  it("names results as SQL names", () => {
    expect(figureResultName("Figuur 10")).toBe("figuur_10");
    expect(figureResultName("Tabel 5")).toBe("tabel_5");
    expect(figureResultName("3 x")).toBe("f_3_x");
  });
});

