import type {Codebook} from "../codebook/codebook.ts";
import {InputError, InputErrors} from "../input-error.ts";
import type {RawTable} from "../read/raw-table.ts";
import type {Respondent, SurveyResponses} from "./survey-responses.ts";

/**
 * Checks an export against the codebook and turns it into typed responses. Every problem is collected
 * (unknown or missing column, code outside an item's scale, duplicate respondent id, unknown size class,
 * header without rows) and thrown together as InputErrors, each naming file, line, column and what was expected.
 */
export function validateExport(table: RawTable, codebook: Codebook): SurveyResponses {
  const {file, columns, rows, unit} = table;
  const idColumn = codebook.identifier.id;
  const errors: InputError[] = columnErrors(table, codebook);
  if (errors.length) throw new InputErrors(errors);
  if (!rows.length) throw new InputErrors([new InputError({file, line: unit === "line" ? 2 : 1, unit, expected: "at least one respondent after the header", found: "end of file"})]);

  const index = new Map(columns.map((name, i) => [name, i]));
  const itemOptions = new Map(codebook.items.map((item) => [item.id, codebook.response_scales[item.response_scale].options]));
  const seen = new Map<string, number>();
  const respondents: Respondent[] = [];

  for (const row of rows) {
    const cell = (name: string) => {
      const value = row.cells[index.get(name)!] ?? "";
      return table.missingCodes?.[name]?.includes(value) ? "" : value;
    };
    const at = (column: string, expected: string, found: string) => errors.push(new InputError({file, line: row.line, unit, column, expected, found}));

    const sourceId = cell(idColumn);
    if (!sourceId) at(idColumn, "a respondent id", "");
    else if (seen.has(sourceId)) at(idColumn, `a respondent id not used before (${JSON.stringify(sourceId)} is already on ${unit} ${seen.get(sourceId)})`, sourceId);
    else seen.set(sourceId, row.line);

    const background: Record<string, string | null> = {};
    for (const variable of codebook.background) {
      if (!index.has(variable.id)) {
        background[variable.id] = null;
        continue;
      }
      const value = cell(variable.id);
      if (!value && !variable.required) background[variable.id] = null;
      else if (!variable.values.includes(value)) at(variable.id, `one of ${variable.values.map((v) => JSON.stringify(v)).join(", ")}${variable.required ? "" : " or empty"}`, value);
      else background[variable.id] = value;
    }

    const answers: Record<string, number | null> = {};
    for (const item of codebook.items) {
      const value = cell(item.id);
      if (value === "") {
        answers[item.id] = null;
        continue;
      }
      const options = itemOptions.get(item.id)!;
      const code = /^-?\d+$/.test(value) ? Number(value) : NaN;
      if (options.some((o) => o.code === code)) answers[item.id] = code;
      else at(item.id, `a code of scale ${item.response_scale} (${options.map((o) => `${o.code} ${o.label}`).join(", ")}) or empty`, value);
    }
    respondents.push({line: row.line, sourceId, background, answers});
  }
  if (errors.length) throw new InputErrors(errors);
  return {file, respondents};
}

/** The header's problems: a column the codebook does not know, a column twice, a required column missing. */
export function columnErrors({file, columns, unit}: Pick<RawTable, "file" | "columns" | "unit">, codebook: Codebook): InputError[] {
  const headerLine = unit === "line" ? 1 : undefined;
  const errors: InputError[] = [];
  const idColumn = codebook.identifier.id;
  const known = new Map<string, "id" | "background" | "item">([[idColumn, "id"]]);
  for (const b of codebook.background) known.set(b.id, "background");
  for (const i of codebook.items) known.set(i.id, "item");

  columns.forEach((name, index) => {
    if (!known.has(name)) errors.push(new InputError({file, line: headerLine, unit, column: name, expected: `a column of the codebook (${idColumn}, ${codebook.background.map((b) => b.id).join(", ")} or an item id such as ${codebook.items[0].id})`, found: name, fix: `to leave the column out, list it under "drop" in a mapping file, e.g. {"columns": {}, "drop": [${JSON.stringify(name)}]}, and pass --mapping map.json; to use it, map it to a codebook id under "columns"`}));
    else if (columns.indexOf(name) !== index) errors.push(new InputError({file, line: headerLine, unit, column: name, expected: "each column once", found: `a second column ${name} (column ${index + 1})`}));
  });
  const required = [idColumn, ...codebook.background.filter((b) => b.required).map((b) => b.id), ...codebook.items.map((i) => i.id)];
  for (const name of required)
    if (!columns.includes(name)) errors.push(new InputError({file, line: headerLine, unit, column: name, expected: `a column named ${name}`, found: "no such column"}));
  return errors;
}
