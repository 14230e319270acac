import {describe, expect, it} from "vitest";
import {parse} from "acorn";
import {exportFramework} from "../../../src/components/notebook/export-framework.ts";
import {parseNotebook, type Notebook} from "../../../src/components/notebook/notebook.ts";
import {sample} from "./sample-notebook.ts";

/** The ```js blocks of a Framework page. */
const codeBlocks = (page: string) => [...page.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

const hostile: Notebook = {
  version: 1,
  title: "</script><script>alert(1)</script> ${alert(2)}",
  cells: [
    {kind: "text", id: "t", markdown: "Tekst ${alert(3)}\n\n```js\nalert(4)\n```\n\n<img src=x onerror=alert(5)>\n\n    ${alert(6)}\n\n<script>alert(7)</script>"},
    {kind: "input", id: "i", name: "keuze", label: "</script><script>alert(8)</script>", control: "select", options: ["</script><script>alert(9)</script>", "${alert(10)}"], value: "${alert(10)}"},
    {kind: "sql", id: "q", name: "delete", sql: "SELECT $keuze AS k, '</script><script>alert(11)</script>' AS s -- ${alert(12)}"},
    {kind: "chart", id: "g", from: "delete", mark: "bar", x: "k", y: "s"}
  ]
};

describe("exportFramework", () => {
  it("writes a page that imports from node_modules and the project, with one code cell per notebook cell", () => {
    const page = exportFramework(sample);
    expect(page.startsWith('---\ntitle: "Beschikbaarheid naar grootte"\n---\n\n<h1>Beschikbaarheid naar grootte</h1>\n')).toBe(true);
    expect(page).toContain('import * as Inputs from "@observablehq/inputs";');
    expect(page).toContain('import {surveyDatabase} from "./components/db.js";');
    expect(page).not.toMatch(/npm:|DuckDBClient|\bsql`/);
    expect(page).toContain('const grootte = view(Inputs.checkbox(["\\u003c25.000",">100.000"], {value: ["\\u003c25.000"], label: "Gemeentegrootte"}));');
    expect(page).toContain('const drempel = view(Inputs.range([1, 4], {step: 0.5, value: 2, label: "drempel"}));');
    expect(page).toContain('const tabel1 = await runCell(run, notebook, "tabel1", {grootte: grootte});');
    expect(page).toContain('display(resize((width) => notebookChart(tabel1, notebook.cells.find((c) => c.id === "g1"), {width})));');
    expect(page).toContain('<div class="notebook-text"><h1>Beschikbaarheid</h1>&#10;<p>Hoe <strong>beschikbaar</strong> is kennis?</p>&#10;</div>');
    expect(exportFramework(sample, {root: "../"})).toContain('import {surveyDatabase} from "../components/db.js";');
  });

  it("names the upstream tables so that Framework runs a cell after them", () => {
    const chained: Notebook = {version: 1, title: "", cells: [{kind: "sql", id: "b", name: "b", sql: "FROM a"}, {kind: "sql", id: "a", name: "a", sql: "FROM respondents"}]};
    expect(exportFramework(chained)).toContain("void [a];\nconst b = await runCell(run, notebook, \"b\", {});");
  });

  it("every code block is valid JavaScript, and the notebook inside it is the notebook", () => {
    for (const nb of [sample, hostile]) {
      const page = exportFramework(nb);
      for (const code of codeBlocks(page)) expect(() => parse(code, {ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true})).not.toThrow();
      const json = /parseNotebook\(("(?:[^"\\]|\\.)*")\)/.exec(page)![1];
      expect(parseNotebook(JSON.parse(JSON.parse(json)))).toEqual(nb);
    }
  });

  it("writes nothing from a hostile notebook that Framework or a browser would run", () => {
    const page = exportFramework(hostile);
    // only the code cells the export writes itself
    expect(codeBlocks(page)).toHaveLength(2 + 1 + 2 + 1);
    const outsideCode = page.replace(/^```js\n[\s\S]*?^```$/gm, "");
    expect(outsideCode).not.toContain("${");
    expect(outsideCode).not.toMatch(/<script|<img|```/i);
    expect(page).not.toMatch(/<\/script/i);
    for (let k = 1; k <= 12; k++) {
      // every attack is inert text: escaped HTML, an entity for $, or inside a JSON string
      for (const code of codeBlocks(page)) expect(code.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toContain(`alert(${k})`);
    }
    // a cell named like a JavaScript keyword gets a variable name of its own
    expect(page).toContain('const delete_cel = await runCell(run, notebook, "delete", {keuze: keuze});');
  });
});
