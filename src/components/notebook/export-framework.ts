// A notebook as an Observable Framework page of this project: the page's own reactivity re-runs a cell when an input
// or a table it reads changes. Imports come from node_modules and the project's components (no `npm:`, no implicit
// Plot/Inputs/DuckDBClient/sql); `view`, `display` and `resize` are Framework's local built-ins.
//
// The notebook may come from a stranger's link, and Framework compiles Markdown: a ```js fence in it runs, `${...}`
// in it is evaluated, raw HTML passes. So nothing from the notebook is written as Markdown or code text: the notebook
// travels as one JSON string that the page validates again with parseNotebook, SQL runs with bound parameters, and
// text cells are written as the safe HTML of renderMarkdown on one line with every `$` as an entity.
import {dependencyGraph} from "./dependencies.js";
import {renderMarkdown} from "./markdown.js";
import {RESERVED_WORDS, serializeNotebook, type Notebook} from "./notebook.js";

export interface FrameworkExportOptions {
  /** Path from the page to src/ ("./" for a page in src/, "../" one folder down). */
  root?: string;
}

/** Words a cell name may not be as a JavaScript variable: JS keywords, Framework built-ins, the page's own variables. */
const TAKEN = new Set([
  ...RESERVED_WORDS,
  "await", "break", "catch", "class", "const", "continue", "debugger", "delete", "enum", "export", "extends", "finally", "function", "if",
  "implements", "import", "instanceof", "interface", "let", "new", "package", "private", "protected", "public", "return", "static", "super",
  "switch", "this", "throw", "try", "typeof", "var", "void", "while", "yield", "arguments", "eval", "undefined", "nan", "infinity",
  "display", "view", "resize", "width", "invalidation", "now", "visibility", "observable", "require", "md", "html", "svg", "tex", "dot",
  "mermaid", "inputs", "plot", "d3", "duckdb", "sql", "db", "fileattachment", "generators", "mutable", "promises",
  "notebook", "survey", "meta", "connection", "run", "runcell", "notebookchart", "registersurveyfunctions", "surveydatabase", "loadsurvey", "parsenotebook"
]);

/** JavaScript variable names for the named cells: the name itself where it is free, else name_cel (unique). */
function variableNames(notebook: Notebook): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const c of notebook.cells) {
    if (c.kind !== "sql" && c.kind !== "input") continue;
    let v = TAKEN.has(c.name.toLowerCase()) ? `${c.name}_cel` : c.name;
    for (let k = 2; used.has(v) || TAKEN.has(v.toLowerCase()); k++) v = `${c.name}_cel${k}`;
    used.add(v);
    names.set(c.name, v);
  }
  return names;
}

/** A JavaScript string literal that is also safe inside an HTML <script> (no "</script>", no "<!--"). */
export function jsString(text: string): string {
  return jsValue(text);
}

/** A JSON value as JavaScript source that is safe inside an HTML <script>. */
const jsValue = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** HTML on one line with no `$`, so Framework's Markdown neither splits it at blank lines nor sees `${`. */
function inertHtml(html: string): string {
  return html.replace(/\$/g, "&#36;").replace(/\r?\n/g, "&#10;");
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The Framework Markdown page. */
export function exportFramework(notebook: Notebook, {root = "./"}: FrameworkExportOptions = {}): string {
  const graph = dependencyGraph(notebook);
  const vars = variableNames(notebook);
  const byId = new Map(notebook.cells.map((c) => [c.id, c]));
  const title = notebook.title.trim() || "Notebook";
  const parts: string[] = [
    // YAML reads a JSON string as a double-quoted scalar, and \x24 / \x3c as $ and <
    `---\ntitle: ${JSON.stringify(title).replace(/\$/g, "\\x24").replace(/</g, "\\x3c")}\n---`,
    `<h1>${inertHtml(escapeHtml(title))}</h1>`,
    [
      "```js",
      "// The survey's tables in DuckDB-WASM (the project's one client), the survey functions, and the notebook itself,",
      "// validated again as any notebook from a link or a file.",
      `import * as Inputs from "@observablehq/inputs";`,
      `import {surveyDatabase} from "${root}components/db.js";`,
      `import {loadSurvey} from "${root}components/survey/load-survey.js";`,
      `import {parseNotebook} from "${root}components/notebook/notebook.js";`,
      `import {registerSurveyFunctions} from "${root}components/notebook/survey-sql.js";`,
      `import {runCell, wasmExecutor} from "${root}components/notebook/wasm-executor.js";`,
      `import {notebookChart} from "${root}components/notebook/chart-cell.js";`,
      `import {cellTable} from "${root}components/notebook/cell-table.js";`,
      "```",
      "",
      "```js",
      `const notebook = parseNotebook(${jsString(serializeNotebook(notebook))});`,
      "const survey = await surveyDatabase();",
      "const {meta} = await loadSurvey();",
      "// one connection: the named results are temporary tables, and those belong to their connection",
      "const connection = await survey.db.connect();",
      "await registerSurveyFunctions((sql) => connection.query(sql), {population: meta.population.sizeClassCounts});",
      "const run = wasmExecutor(connection);",
      "```"
    ].join("\n")
  ];
  // cells in page order: Framework's runtime orders the computation by the variables each cell reads
  for (const cell of notebook.cells) {
    const error = graph.links.get(cell.id)!.error;
    if (error) {
      parts.push(`<p class="note">${inertHtml(escapeHtml(error))}</p>`);
      continue;
    }
    const reads = graph.links.get(cell.id)!.reads.map((id) => byId.get(id)!);
    switch (cell.kind) {
      case "text":
        parts.push(`<div class="notebook-text">${inertHtml(renderMarkdown(cell.markdown))}</div>`);
        break;
      case "input": {
        const v = vars.get(cell.name)!;
        const label = jsString(cell.label ?? cell.name);
        const control =
          cell.control === "range"
            ? `Inputs.range([${cell.min}, ${cell.max}], {step: ${cell.step}, value: ${cell.value}, label: ${label}})`
            : `Inputs.${cell.control === "select" ? "select" : "checkbox"}(${jsValue(cell.options)}, {value: ${jsValue(cell.value)}, label: ${label}})`;
        parts.push(["```js", `const ${v} = view(${control});`, "```"].join("\n"));
        break;
      }
      case "sql": {
        const v = vars.get(cell.name)!;
        const inputs = reads.filter((c) => c.kind === "input").map((c) => (c.kind === "input" ? `${c.name}: ${vars.get(c.name)}` : ""));
        const tables = reads.filter((c) => c.kind === "sql").map((c) => (c.kind === "sql" ? vars.get(c.name)! : ""));
        parts.push(
          [
            "```js",
            ...(tables.length ? [`// reads ${tables.join(", ")}: named here so that this cell runs after them, and again when they change`, `void [${tables.join(", ")}];`] : []),
            `const ${v} = await runCell(run, notebook, ${jsString(cell.name)}, {${inputs.join(", ")}});`,
            "```",
            "",
            "```js",
            `display(cellTable(${v}, ${jsString(cell.name)}));`,
            "```"
          ].join("\n")
        );
        break;
      }
      case "chart": {
        const source = vars.get(cell.from)!;
        parts.push(["```js", `display(resize((width) => notebookChart(${source}, notebook.cells.find((c) => c.id === ${jsString(cell.id)}), {width})));`, "```"].join("\n"));
        break;
      }
    }
  }
  return `${parts.join("\n\n")}\n`;
}
