// A notebook as a `.sql` script for the DuckDB command line: the survey's tables read from the downloaded Parquet
// files, each input as `SET VARIABLE` (change the value there), each SQL cell as a table in dependency order with its
// `$name` parameters read through getvariable('name'), text and charts as comments.
import {dependencyGraph} from "./dependencies.js";
import {cellName, type Notebook} from "./notebook.js";
import {singleQuery} from "./parameters.js";
import {tokenize} from "../sql/sql-tokens.js";
import {SURVEY_MACROS, surveyFunctionStatements, type SurveyFunctionOptions} from "./survey-sql.js";
import {sqlLiteral} from "../story/sql.js";

const SURVEY_TABLES = ["respondents", "answers", "items", "response_options"];

/** Every line of `text` as an SQL line comment, so that nothing in it can end the comment. */
function comment(text: string): string {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => `-- ${line}`.trimEnd()).join("\n");
}

/** `$name` outside strings and comments -> getvariable('name'). */
function withVariables(sql: string): string {
  return tokenize(sql)
    .map((t) => (t.type === "parameter" && !/^\$[0-9]/.test(t.text) ? `getvariable(${sqlLiteral(t.text.slice(1).toLowerCase())})` : t.text))
    .join("");
}

/** The script; `population` (N per size class) is needed when a cell uses the survey functions. */
export function exportSql(notebook: Notebook, {population}: Partial<SurveyFunctionOptions> = {}): string {
  const graph = dependencyGraph(notebook);
  const byId = new Map(notebook.cells.map((c) => [c.id, c]));
  const parts: string[] = [
    comment(`${notebook.title || "Notebook"}\nGemaakt met de notebook van Kennisverkenner (Kennis voor lokaal beleid, Rathenau Instituut 2022).\nDe antwoorden zijn gereconstrueerd, niet de echte. Draai met: duckdb < dit-bestand.sql, in de map met de Parquet-bestanden van de downloadpagina.`),
    SURVEY_TABLES.map((t) => `CREATE OR REPLACE TABLE ${t} AS FROM read_parquet(${sqlLiteral(`${t}.parquet`)});`).join("\n")
  ];
  const usesSurveyFunctions = notebook.cells.some((c) => c.kind === "sql" && tokenize(c.sql).some((t) => t.type === "word" && (SURVEY_MACROS as readonly string[]).includes(t.text.toLowerCase())));
  if (usesSurveyFunctions) {
    if (!population) throw new Error("exportSql: population is needed for the survey functions");
    parts.push(`${comment("De enquêtefuncties (survey_mean, survey_share, ...) zoals de site ze definieert.")}\n${surveyFunctionStatements({population}).map((s) => `${s};`).join("\n")}`);
  }
  for (const id of graph.order) {
    const cell = byId.get(id)!;
    const error = graph.links.get(id)!.error;
    if (error) {
      parts.push(comment(`Niet opgenomen: ${error}`));
      continue;
    }
    switch (cell.kind) {
      case "text":
        if (cell.markdown.trim()) parts.push(comment(cell.markdown));
        break;
      case "input": {
        const kind = cell.control === "range" ? `schuif van ${cell.min} tot ${cell.max}` : cell.control === "select" ? "keuzelijst" : "vinkjes";
        const options = cell.control === "range" ? "" : `; mogelijk: ${cell.options.map((o) => JSON.stringify(o)).join(", ")}`;
        parts.push(`${comment(`Invoer ${cell.name}${cell.label ? ` (${cell.label})` : ""}, ${kind}${options}. Pas de waarde hier aan.`)}\nSET VARIABLE ${cell.name} = ${sqlLiteral(cell.value)};`);
        break;
      }
      case "sql": {
        let query: string;
        try {
          query = singleQuery(cell.sql, cell.name);
        } catch (e) {
          parts.push(comment(`Niet opgenomen: ${(e as Error).message}`));
          break;
        }
        parts.push(`${comment(`Cel ${cell.name}`)}\nCREATE OR REPLACE TEMP TABLE ${cell.name} AS SELECT * FROM (\n${withVariables(query)}\n);\nFROM ${cell.name};`);
        break;
      }
      case "chart": {
        const channels = (["x", "y", "color", "facet", "sort"] as const).filter((k) => cell[k] !== undefined).map((k) => `${k} = ${cell[k]}`);
        parts.push(comment(`Grafiek ${cellName(cell)}: ${cell.mark} van ${cell.from} (${channels.join(", ")}); zie de notebook op de site.`));
        break;
      }
    }
  }
  return `${parts.join("\n\n")}\n`;
}
