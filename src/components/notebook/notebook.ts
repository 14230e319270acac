// The notebook document: a title and a list of cells of four kinds (SQL, chart, text, input), stored as versioned
// JSON. A notebook arrives from a link or a file, so it is untrusted input: `parseNotebook` accepts only the fields
// below, bounded in length, with names that are plain SQL identifiers, and refuses anything else with a Dutch message
// that names the cell and the field. No cell kind carries code other than SQL, and the SQL runs in a locked-down
// DuckDB; charts are declarative and text is Markdown rendered without HTML.

export const NOTEBOOK_VERSION = 1;

/** Names of SQL results and inputs: a lower-case SQL identifier that never needs quoting. */
export const NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
/** Cell ids: stable handles for the editor and the runner, short enough for a link. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export const LIMITS = {
  cells: 200,
  title: 200,
  sql: 20_000,
  markdown: 20_000,
  /** Column names in a chart, labels of an input. */
  label: 200,
  /** One option or value of an input. */
  value: 500,
  options: 500
} as const;

export const CHART_MARKS = ["bar", "dot", "line", "likert", "mean-interval"] as const;
export type ChartMark = (typeof CHART_MARKS)[number];
/** Order of the categories on the category axis: by that channel's value, "-" for descending. */
export const CHART_SORTS = ["x", "-x", "y", "-y"] as const;
export type ChartSort = (typeof CHART_SORTS)[number];
export const INPUT_CONTROLS = ["select", "checkboxes", "range"] as const;
export type InputControl = (typeof INPUT_CONTROLS)[number];

/** The survey's own tables and the notebook's survey functions: a cell may not take their names. */
export const SURVEY_NAMES = ["respondents", "answers", "items", "response_options", "populatie", "t_quantiles"];
/** DuckDB's reserved keywords (duckdb_keywords(), category "reserved", DuckDB 1.5): as a table name they break SQL. */
export const RESERVED_WORDS = ["all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "default", "deferrable", "desc", "describe", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "group", "having", "in", "initially", "intersect", "into", "lambda", "lateral", "leading", "limit", "not", "null", "offset", "on", "only", "or", "order", "pivot", "pivot_longer", "pivot_wider", "placing", "primary", "qualify", "references", "returning", "select", "show", "some", "summarize", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "unpivot", "using", "variadic", "when", "where", "window", "with"];

export interface SqlCell {
  kind: "sql";
  id: string;
  /** The name later cells query it by (`FROM tabel1`). */
  name: string;
  sql: string;
}

export interface ChartCell {
  kind: "chart";
  id: string;
  /** The SQL cell whose result is drawn. */
  from: string;
  /**
   * bar, dot, line: x and y columns; likert: diverging stacked shares (y = the bar, x = the share, color = the answer);
   * mean-interval: a mean (x) with its interval from the columns `lower` and `upper` that survey_mean returns, one row per y.
   */
  mark: ChartMark;
  x: string;
  y?: string;
  color?: string;
  facet?: string;
  sort?: ChartSort;
}

export interface TextCell {
  kind: "text";
  id: string;
  markdown: string;
}

export type InputValue = string | number;

export interface SelectInput {
  kind: "input";
  id: string;
  name: string;
  label?: string;
  control: "select";
  options: InputValue[];
  value: InputValue;
}

export interface CheckboxesInput {
  kind: "input";
  id: string;
  name: string;
  label?: string;
  control: "checkboxes";
  options: InputValue[];
  value: InputValue[];
}

export interface RangeInput {
  kind: "input";
  id: string;
  name: string;
  label?: string;
  control: "range";
  min: number;
  max: number;
  step: number;
  value: number;
}

export type InputCell = SelectInput | CheckboxesInput | RangeInput;
export type Cell = SqlCell | ChartCell | TextCell | InputCell;

export interface Notebook {
  version: typeof NOTEBOOK_VERSION;
  title: string;
  cells: Cell[];
}

/** A notebook that cannot be opened; the message is Dutch and names the cell (position, id) and the field. */
export class NotebookError extends Error {
  constructor(message: string, readonly cell?: number, readonly field?: string) {
    super(message);
    this.name = "NotebookError";
  }
}

/** The name a cell is known by: its `name` (SQL, input) or its id. */
export function cellName(cell: Cell): string {
  return cell.kind === "sql" || cell.kind === "input" ? cell.name : cell.id;
}

const KIND_FIELDS: Record<string, {required: string[]; optional: string[]}> = {
  sql: {required: ["kind", "id", "name", "sql"], optional: []},
  chart: {required: ["kind", "id", "from", "mark", "x"], optional: ["y", "color", "facet", "sort"]},
  text: {required: ["kind", "id", "markdown"], optional: []},
  select: {required: ["kind", "id", "name", "control", "options", "value"], optional: ["label"]},
  checkboxes: {required: ["kind", "id", "name", "control", "options", "value"], optional: ["label"]},
  range: {required: ["kind", "id", "name", "control", "min", "max", "step", "value"], optional: ["label"]}
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Reads untrusted JSON text (or an already parsed value) into a notebook, or throws a NotebookError. */
export function parseNotebook(input: unknown): Notebook {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new NotebookError(`Dit is geen notebook: de tekst is geen geldige JSON (${(error as Error).message}).`);
    }
  }
  if (!isPlainObject(value)) throw new NotebookError("Dit is geen notebook: verwacht een JSON-object met version, title en cells.");
  refuseUnknown(value, ["version", "title", "cells"], "het notebook");
  if (value.version !== NOTEBOOK_VERSION) {
    throw new NotebookError(`Onbekende notebookversie ${JSON.stringify(value.version)}: deze site leest versie ${NOTEBOOK_VERSION}.`, undefined, "version");
  }
  const title = boundedString(value.title, LIMITS.title, "het notebook", "title");
  if (!Array.isArray(value.cells)) throw new NotebookError('Het veld "cells" van het notebook moet een lijst van cellen zijn.', undefined, "cells");
  if (value.cells.length > LIMITS.cells) throw new NotebookError(`Een notebook heeft hoogstens ${LIMITS.cells} cellen; dit heeft er ${value.cells.length}.`, undefined, "cells");
  const cells = value.cells.map((c, i) => parseCell(c, i));
  checkUnique(cells);
  return {version: NOTEBOOK_VERSION, title, cells};
}

/** "cel 3 (tabel1)": the cell as a reader finds it, by position and, when it has one, by name or id. */
function where(index: number, raw?: unknown): string {
  const handle = isPlainObject(raw) ? (typeof raw.name === "string" && NAME_PATTERN.test(raw.name) ? raw.name : typeof raw.id === "string" && ID_PATTERN.test(raw.id) ? raw.id : "") : "";
  return `cel ${index + 1}${handle ? ` (${handle})` : ""}`;
}

function fail(message: string, index?: number, field?: string): never {
  throw new NotebookError(message, index, field);
}

function refuseUnknown(obj: Record<string, unknown>, allowed: string[], owner: string, index?: number) {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      fail(`${capitalise(owner)} heeft een onbekend veld ${JSON.stringify(key.slice(0, 40))}; toegestaan zijn ${allowed.join(", ")}.`, index, key);
    }
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function boundedString(v: unknown, max: number, owner: string, field: string, index?: number): string {
  if (typeof v !== "string") fail(`${capitalise(owner)}: het veld "${field}" moet tekst zijn.`, index, field);
  if (v.length > max) fail(`${capitalise(owner)}: het veld "${field}" is ${v.length} tekens lang; hoogstens ${max} mag.`, index, field);
  return v;
}

function name(v: unknown, owner: string, field: string, index: number): string {
  const s = boundedString(v, 63, owner, field, index);
  if (!NAME_PATTERN.test(s)) {
    fail(`${capitalise(owner)}: het veld "${field}" moet een naam zijn van kleine letters, cijfers en _ die niet met een cijfer begint (zoals tabel1), niet ${JSON.stringify(s)}.`, index, field);
  }
  return s;
}

function finite(v: unknown, owner: string, field: string, index: number): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(`${capitalise(owner)}: het veld "${field}" moet een eindig getal zijn.`, index, field);
  return v;
}

function inputValue(v: unknown, owner: string, field: string, index: number): InputValue {
  if (typeof v === "number") return finite(v, owner, field, index);
  if (typeof v === "string") return boundedString(v, LIMITS.value, owner, field, index);
  return fail(`${capitalise(owner)}: het veld "${field}" moet tekst of een getal zijn.`, index, field);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], owner: string, field: string, index: number): T {
  if (typeof v !== "string" || !allowed.includes(v as T)) {
    fail(`${capitalise(owner)}: het veld "${field}" moet een van ${allowed.join(", ")} zijn, niet ${JSON.stringify(typeof v === "string" ? v.slice(0, 40) : v ?? null)}.`, index, field);
  }
  return v as T;
}

function parseCell(raw: unknown, index: number): Cell {
  const owner = where(index, raw);
  if (!isPlainObject(raw)) fail(`${capitalise(owner)} is geen object met velden.`, index);
  const kind = oneOf(raw.kind, ["sql", "chart", "text", "input"] as const, owner, "kind", index);
  const variant = kind === "input" ? oneOf(raw.control, INPUT_CONTROLS, owner, "control", index) : kind;
  const {required, optional} = KIND_FIELDS[variant];
  refuseUnknown(raw, [...required, ...optional], owner, index);
  for (const field of required) if (!(field in raw)) fail(`${capitalise(owner)} mist het veld "${field}".`, index, field);
  const id = boundedString(raw.id, 32, owner, "id", index);
  if (!ID_PATTERN.test(id)) fail(`${capitalise(owner)}: het veld "id" mag alleen kleine letters, cijfers, _ en - bevatten (hoogstens 32 tekens).`, index, "id");
  switch (variant) {
    case "sql":
      return {kind: "sql", id, name: name(raw.name, owner, "name", index), sql: boundedString(raw.sql, LIMITS.sql, owner, "sql", index)};
    case "text":
      return {kind: "text", id, markdown: boundedString(raw.markdown, LIMITS.markdown, owner, "markdown", index)};
    case "chart": {
      const cell: ChartCell = {
        kind: "chart",
        id,
        from: name(raw.from, owner, "from", index),
        mark: oneOf(raw.mark, CHART_MARKS, owner, "mark", index),
        x: boundedString(raw.x, LIMITS.label, owner, "x", index)
      };
      for (const channel of ["y", "color", "facet"] as const) {
        if (raw[channel] !== undefined) cell[channel] = boundedString(raw[channel], LIMITS.label, owner, channel, index);
      }
      if (raw.sort !== undefined) cell.sort = oneOf(raw.sort, CHART_SORTS, owner, "sort", index);
      return cell;
    }
    case "select":
    case "checkboxes": {
      const options = optionList(raw.options, owner, index);
      const label = raw.label === undefined ? undefined : boundedString(raw.label, LIMITS.label, owner, "label", index);
      const inputName = name(raw.name, owner, "name", index);
      if (variant === "select") {
        const value = inputValue(raw.value, owner, "value", index);
        if (!options.includes(value)) fail(`${capitalise(owner)}: de waarde ${JSON.stringify(value)} staat niet tussen de opties.`, index, "value");
        return {kind: "input", id, name: inputName, ...(label === undefined ? {} : {label}), control: "select", options, value};
      }
      if (!Array.isArray(raw.value)) fail(`${capitalise(owner)}: het veld "value" van vinkjes moet een lijst zijn.`, index, "value");
      const value = raw.value.map((v) => inputValue(v, owner, "value", index));
      for (const v of value) if (!options.includes(v)) fail(`${capitalise(owner)}: de waarde ${JSON.stringify(v)} staat niet tussen de opties.`, index, "value");
      return {kind: "input", id, name: inputName, ...(label === undefined ? {} : {label}), control: "checkboxes", options, value};
    }
    case "range": {
      const label = raw.label === undefined ? undefined : boundedString(raw.label, LIMITS.label, owner, "label", index);
      const min = finite(raw.min, owner, "min", index);
      const max = finite(raw.max, owner, "max", index);
      const step = finite(raw.step, owner, "step", index);
      const value = finite(raw.value, owner, "value", index);
      if (!(min < max)) fail(`${capitalise(owner)}: "min" moet kleiner zijn dan "max".`, index, "min");
      if (!(step > 0)) fail(`${capitalise(owner)}: "step" moet groter zijn dan 0.`, index, "step");
      if (value < min || value > max) fail(`${capitalise(owner)}: "value" moet tussen ${min} en ${max} liggen.`, index, "value");
      return {kind: "input", id, name: name(raw.name, owner, "name", index), ...(label === undefined ? {} : {label}), control: "range", min, max, step, value};
    }
  }
  return fail(`${capitalise(owner)}: onbekend celtype.`, index, "kind");
}

function optionList(v: unknown, owner: string, index: number): InputValue[] {
  if (!Array.isArray(v) || v.length === 0) fail(`${capitalise(owner)}: het veld "options" moet een lijst met minstens één optie zijn.`, index, "options");
  if (v.length > LIMITS.options) fail(`${capitalise(owner)}: hoogstens ${LIMITS.options} opties.`, index, "options");
  const options = v.map((o) => inputValue(o, owner, "options", index));
  if (new Set(options).size !== options.length) fail(`${capitalise(owner)}: elke optie mag maar één keer voorkomen.`, index, "options");
  return options;
}

/** Ids unique; SQL results and inputs share one namespace, apart from the survey's tables and SQL's keywords. */
function checkUnique(cells: Cell[]) {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  cells.forEach((cell, i) => {
    const owner = capitalise(where(i, cell));
    if (ids.has(cell.id)) fail(`${owner}: het id "${cell.id}" is al gebruikt door cel ${ids.get(cell.id)! + 1}.`, i, "id");
    ids.set(cell.id, i);
    if (cell.kind !== "sql" && cell.kind !== "input") return;
    if (SURVEY_NAMES.includes(cell.name)) fail(`${owner}: de naam "${cell.name}" is al de naam van een tabel van de enquête; kies een andere.`, i, "name");
    if (RESERVED_WORDS.includes(cell.name)) fail(`${owner}: de naam "${cell.name}" is een SQL-sleutelwoord; kies een andere.`, i, "name");
    if (names.has(cell.name)) fail(`${owner}: de naam "${cell.name}" is al gebruikt door cel ${names.get(cell.name)! + 1}.`, i, "name");
    names.set(cell.name, i);
  });
}

/** The notebook as the JSON text of a `.kvnb.json` file or a link (fields in a fixed order, so equal notebooks give equal text). */
export function serializeNotebook(notebook: Notebook): string {
  return JSON.stringify(parseNotebook(notebook));
}
