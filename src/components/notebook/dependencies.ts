// Which cells a cell reads, and the order to run them in. A SQL cell reads the SQL cells whose names follow FROM or
// JOIN (or are the table argument of a survey table function such as survey_mean('tabel1', ...)), and the inputs
// whose `$name` it uses; a chart reads its `from`. Positions on the page do not matter: the order is topological.
// A cycle, an unknown `$parameter` or an unknown `from` is an error on that cell, in Dutch, never an exception.
import {cellName, type Cell, type Notebook} from "./notebook.js";
import {identifierOf, significant, stringValue, tokenize} from "../sql/sql-tokens.js";
import {SURVEY_MACROS} from "./survey-sql.js";

/** Table functions whose first argument is a table name as a string (DuckDB's query_table, the survey functions). */
export const TABLE_NAME_FUNCTIONS: readonly string[] = ["query_table", ...SURVEY_MACROS];

/** Words that end a FROM list: after them a comma separates columns or expressions, not tables. */
const CLAUSE_WORDS = new Set(["where", "group", "having", "order", "limit", "offset", "qualify", "window", "union", "except", "intersect", "select", "on", "using", "returning", "set", "values", "pivot", "unpivot"]);

/** What one SQL text reads: table names (lower case) and `$name` parameters, each once, in order of appearance. */
export function sqlReferences(sql: string): {tables: string[]; parameters: string[]; positional: boolean} {
  const tokens = significant(tokenize(sql));
  const tables = new Set<string>();
  const parameters = new Set<string>();
  let positional = false;
  // per parenthesis depth: inside a FROM list (a comma there starts another table)
  const inFrom: boolean[] = [false];
  let depth = 0;
  const tableAt = (k: number) => {
    const t = tokens[k];
    if (!t) return;
    const id = identifierOf(t);
    // a qualified name (schema.table) is not a notebook cell
    if (id !== null && tokens[k + 1]?.text !== "." && tokens[k + 1]?.text !== "(") tables.add(id);
  };
  tokens.forEach((t, k) => {
    if (t.type === "parameter") {
      if (/^\$[0-9]/.test(t.text)) positional = true;
      else parameters.add(t.text.slice(1).toLowerCase());
      return;
    }
    if (t.text === "(") {
      depth++;
      inFrom[depth] = false;
      return;
    }
    if (t.text === ")") {
      inFrom[depth] = false;
      depth = Math.max(0, depth - 1);
      return;
    }
    if (t.text === "," && inFrom[depth]) return tableAt(k + 1);
    if (t.type !== "word") return;
    const word = t.text.toLowerCase();
    if (word === "from" || word === "join") {
      inFrom[depth] = true;
      tableAt(k + 1);
    } else if (CLAUSE_WORDS.has(word)) {
      inFrom[depth] = false;
    } else if (TABLE_NAME_FUNCTIONS.includes(word) && tokens[k + 1]?.text === "(") {
      const arg = tokens[k + 2] && stringValue(tokens[k + 2]);
      if (arg) tables.add(arg.toLowerCase());
    }
  });
  return {tables: [...tables], parameters: [...parameters], positional};
}

export interface CellLinks {
  /** Ids of the cells this cell reads. */
  reads: string[];
  /** Dutch message when the cell cannot run because of how it refers to others; null when fine. */
  error: string | null;
}

export interface DependencyGraph {
  links: Map<string, CellLinks>;
  /** Every cell id, each after all the cells it reads (cells in a cycle last, in page order). */
  order: string[];
  /** The cells that read any of `changedIds`, directly or through others, in run order (without the changed cells themselves). */
  dependants(changedIds: Iterable<string>): string[];
}

/** The dependency graph of a notebook. */
export function dependencyGraph(notebook: Notebook): DependencyGraph {
  const byName = new Map<string, Cell>();
  for (const cell of notebook.cells) if (cell.kind === "sql" || cell.kind === "input") byName.set(cell.name, cell);
  const links = new Map<string, CellLinks>();
  for (const cell of notebook.cells) {
    const reads: string[] = [];
    let error: string | null = null;
    if (cell.kind === "sql") {
      const refs = sqlReferences(cell.sql);
      for (const table of refs.tables) {
        const other = byName.get(table);
        if (other?.kind === "sql") reads.push(other.id);
      }
      for (const p of refs.parameters) {
        const input = byName.get(p);
        if (input?.kind === "input") reads.push(input.id);
        else error ??= input ? `Cel ${cell.name}: $${p} is een SQL-cel, geen invoer; lees een tabel met FROM ${p}.` : `Cel ${cell.name}: onbekende parameter $${p}; maak een invoercel met de naam ${p}.`;
      }
      if (refs.positional) error ??= `Cel ${cell.name}: genummerde parameters ($1, $2) zijn hier niet te gebruiken; gebruik de naam van een invoercel, zoals $grootte.`;
    } else if (cell.kind === "chart") {
      const source = byName.get(cell.from);
      if (source?.kind === "sql") reads.push(source.id);
      else error = `Grafiek ${cell.id}: er is geen SQL-cel met de naam ${cell.from}.`;
    }
    links.set(cell.id, {reads: [...new Set(reads)], error});
  }
  const order = topologicalOrder(notebook, links);
  const position = new Map(order.map((id, i) => [id, i]));
  const readers = new Map<string, string[]>();
  for (const [id, {reads}] of links) for (const r of reads) readers.set(r, [...(readers.get(r) ?? []), id]);
  return {
    links,
    order,
    dependants(changedIds) {
      const changed = new Set(changedIds);
      const found = new Set<string>();
      const stack = [...changed];
      while (stack.length) {
        for (const reader of readers.get(stack.pop()!) ?? []) {
          if (!found.has(reader) && !changed.has(reader)) {
            found.add(reader);
            stack.push(reader);
          }
        }
      }
      return [...found].sort((a, b) => position.get(a)! - position.get(b)!);
    }
  };
}

/** Kahn's algorithm, taking ready cells in page order; cells left over are in (or behind) a cycle and get its error. */
function topologicalOrder(notebook: Notebook, links: Map<string, CellLinks>): string[] {
  const ids = notebook.cells.map((c) => c.id);
  const remaining = new Map(ids.map((id) => [id, links.get(id)!.reads.length]));
  const readers = new Map<string, string[]>();
  for (const id of ids) for (const r of links.get(id)!.reads) readers.set(r, [...(readers.get(r) ?? []), id]);
  const order: string[] = [];
  const done = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const id of ids) {
      if (done.has(id) || remaining.get(id)! > 0) continue;
      done.add(id);
      order.push(id);
      for (const reader of readers.get(id) ?? []) remaining.set(reader, remaining.get(reader)! - 1);
      progress = true;
      break; // restart from the top so that page order breaks ties
    }
  }
  const nameOf = new Map(notebook.cells.map((c) => [c.id, cellName(c)]));
  for (const id of ids) {
    if (done.has(id)) continue;
    order.push(id);
    const cycle = findCycle(id, links);
    const link = links.get(id)!;
    if (cycle) link.error ??= `Cel ${nameOf.get(id)} hangt van zichzelf af: ${[...cycle, cycle[0]].map((c) => nameOf.get(c)).join(" → ")}.`;
  }
  return order;
}

/** A cycle through `start` (the ids along it), or null when `start` only reads cells that sit behind a cycle. */
function findCycle(start: string, links: Map<string, CellLinks>): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string): string[] | null => {
    for (const next of links.get(id)?.reads ?? []) {
      if (next === start) return [...path, id];
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(id);
      const found = visit(next);
      path.pop();
      if (found) return found;
    }
    return null;
  };
  return visit(start);
}
