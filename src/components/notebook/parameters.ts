// Input values reach SQL as bound parameters, never as SQL text. A cell writes `$grootte`; before it runs, each
// `$name` outside strings, quoted identifiers and comments becomes a positional `$1..$n` and the input's value is
// bound to it with its type. A list (ticked boxes) becomes a list of parameters, `CAST([$1, $2] AS VARCHAR[])`, one
// per ticked value, so that `list_contains($grootte, size_class)` works: DuckDB-WASM's prepared statements cannot
// bind a JavaScript array ("Invalid column type encountered for argument 0", measured with 1.32), and casting a
// bound JSON text would need the json extension, which the offline page cannot load.
// A named SQL result becomes `CREATE OR REPLACE TEMP TABLE name AS <query>`: a table, because DuckDB views cannot
// hold prepared parameters ("Binder Error: Unexpected prepared parameter"), and one query per cell.
import type {InputCell, InputValue} from "./notebook.js";
import {significant, tokenize} from "../sql/sql-tokens.js";

/** One bound value, typed so that every executor (DuckDB-WASM, @duckdb/node-api) binds it the same way. */
export type BoundValue = {type: "VARCHAR"; value: string} | {type: "DOUBLE"; value: number};

export interface PreparedCell {
  /** The statement to prepare, with $1..$n in place of the names. */
  sql: string;
  /** The values for $1..$n. */
  params: BoundValue[];
}

/** A cell's SQL that cannot be run as written; the message is Dutch. */
export class CellSqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CellSqlError";
  }
}

/** The values of an input, typed for binding (numbers when every option is a number), and whether they form a list. */
export function boundValues(input: InputCell): {values: BoundValue[]; list: "VARCHAR[]" | "DOUBLE[]" | null} {
  if (input.control === "range") return {values: [{type: "DOUBLE", value: input.value}], list: null};
  const numeric = input.options.every((o) => typeof o === "number");
  const bind = (v: InputValue): BoundValue => (numeric ? {type: "DOUBLE", value: Number(v)} : {type: "VARCHAR", value: String(v)});
  if (input.control === "checkboxes") return {values: input.value.map(bind), list: numeric ? "DOUBLE[]" : "VARCHAR[]"};
  return {values: [bind(input.value)], list: null};
}

/** `$name` -> `$k` outside strings and comments, with the values in order; a name used twice binds once. */
export function bindParameters(sql: string, inputs: ReadonlyMap<string, InputCell>, cellName = "?"): PreparedCell {
  const placeholder = new Map<string, string>();
  const params: BoundValue[] = [];
  const text = tokenize(sql)
    .map((t) => {
      if (t.type !== "parameter") return t.text;
      if (/^\$[0-9]/.test(t.text)) throw new CellSqlError(`Cel ${cellName}: genummerde parameters ($1, $2) zijn hier niet te gebruiken; gebruik de naam van een invoercel, zoals $grootte.`);
      const name = t.text.slice(1).toLowerCase();
      const input = inputs.get(name);
      if (!input) throw new CellSqlError(`Cel ${cellName}: onbekende parameter $${name}; maak een invoercel met de naam ${name}.`);
      if (!placeholder.has(name)) {
        const {values, list} = boundValues(input);
        const positions = values.map((v) => `$${params.push(v)}`);
        placeholder.set(name, list ? `CAST([${positions.join(", ")}] AS ${list})` : positions[0]);
      }
      return placeholder.get(name)!;
    })
    .join("");
  return {sql: text, params};
}

/** The query of a cell without a trailing semicolon; more than one statement is refused. */
export function singleQuery(sql: string, cellName = "?"): string {
  const tokens = tokenize(sql);
  const meaningful = significant(tokens);
  while (meaningful.length && meaningful[meaningful.length - 1].text === ";") meaningful.pop();
  if (meaningful.length === 0) throw new CellSqlError(`Cel ${cellName} is leeg: schrijf een query, bijvoorbeeld SELECT * FROM respondents.`);
  if (meaningful.some((t) => t.text === ";")) throw new CellSqlError(`Cel ${cellName} bevat meer dan één opdracht; zet elke query in een eigen cel.`);
  const last = meaningful[meaningful.length - 1];
  // keep comments inside the query, drop what follows its last token (a ';', spaces, a trailing comment)
  return sql.slice(0, last.start + last.text.length);
}

/** The statement that runs a named SQL cell: its result becomes the temporary table `name`, parameters bound. */
export function prepareCell(name: string, sql: string, inputs: ReadonlyMap<string, InputCell>): PreparedCell {
  const query = bindParameters(singleQuery(sql, name), inputs, name);
  // The name is checked against NAME_PATTERN by parseNotebook, so it needs no quoting. The query sits on its own
  // lines so that a trailing line comment cannot swallow what follows, and in a subquery so that SUMMARIZE,
  // DESCRIBE and VALUES work as well as SELECT, WITH and FROM-first queries. (A PIVOT needs its values listed,
  // `PIVOT t ON x IN ('a', 'b')`: without them DuckDB makes it two statements, which cannot be prepared.)
  return {sql: `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM (\n${query.sql}\n)`, params: query.params};
}
