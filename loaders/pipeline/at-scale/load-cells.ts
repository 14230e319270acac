/**
 * Reads a CSV export into the DuckDB table `cells`, one row per respondent in file order (rowid = 0-based record
 * number), with what the later steps need and nothing more (see cell-sql.ts):
 * - the respondent id as read, with its state (`<id>__state`);
 * - each background variable (trimmed text) with its state;
 * - each item's state (TINYINT: the code and how it was written, or why it is not a code);
 * - each unknown column kept for the identifier check (raw text, with its state).
 * Every column is read as VARCHAR so that a bad cell is reported, not refused by a cast.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Codebook} from "../../codebook/codebook.ts";
import {backgroundState, backgroundValue, badItemCount, CELL_MACROS, itemState, multilineCellCount, quoteIdentifier, rawColumn, readExportCsv, stateColumn, suspectCellCount, TEXT_STATE} from "./cell-sql.ts";

export interface CellsSource {
  /** The UTF-8 file DuckDB reads (the export itself, or its UTF-8 copy). */
  path: string;
  /** Header names in file order. */
  header: string[];
  delimiter: "," | ";";
  /** Indexes (into header) of the columns that go on: codebook columns and unknown ones not yet judged. */
  kept: number[];
}

export interface CellsSummary {
  respondents: number;
  /** Item cells with neither a code nor a label of their scale. */
  badItemCells: number;
  /** Id and background cells that break the codebook (empty ids included, repeated ids not). */
  badTextCells: number;
  /** Rows after the first with an id already used. */
  duplicateIds: number;
  suspectCells: number;
  multilineCells: number;
}

/** The name of a kept column in `cells`: its codebook name, or unknown_<index> for a column the codebook lacks. */
export function cellsColumn(codebook: Codebook, header: string[], index: number): string {
  const name = header[index];
  const known = name === codebook.identifier.id || codebook.background.some((b) => b.id === name) || codebook.items.some((i) => i.id === name);
  return known ? name : `unknown_${index}`;
}

/** The columns of `cells` the summary looks at. */
export interface CellsLayout {
  /** Item columns (their state holds how the cell was written). */
  items: string[];
  /** State columns of every other cell, of kept and of left-out columns (whose text is not kept). */
  states: string[];
}

export async function loadCells(connection: DuckDBConnection, source: CellsSource, codebook: Codebook): Promise<CellsLayout> {
  for (const macro of CELL_MACROS) await connection.run(macro);
  const {header, kept} = source;
  const select: string[] = [];
  const layout: CellsLayout = {items: [], states: []};
  header.forEach((_, i) => {
    const raw = rawColumn(i);
    if (!kept.includes(i)) {
      // Left out (a direct identifier by name): only whether csv-parse could read it differently, or it spans lines.
      layout.states.push(`left_out_${i}__state`);
      return void select.push(`left_out_state(${raw}) AS ${stateColumn(`left_out_${i}`)}`);
    }
    const name = cellsColumn(codebook, header, i);
    const item = codebook.items.find((it) => it.id === name);
    const variable = codebook.background.find((b) => b.id === name);
    if (item) {
      layout.items.push(name);
      return void select.push(`${itemState(raw, item, codebook)} AS ${quoteIdentifier(name)}`);
    }
    layout.states.push(`${name}__state`);
    if (variable) select.push(`${backgroundValue(raw, variable)} AS ${quoteIdentifier(name)}`, `${backgroundState(raw, variable)} AS ${stateColumn(name)}`);
    else select.push(`${raw} AS ${quoteIdentifier(name)}`, `text_state(${raw}) AS ${stateColumn(name)}`);
  });
  await connection.run(`CREATE TABLE cells AS SELECT\n      ${select.join(",\n      ")}\n    FROM ${readExportCsv(source.path, header, source.delimiter)}`);
  return layout;
}

/**
 * Counts over `cells`; `columns`: the codebook columns of the export. A first scan takes only cheap aggregates
 * (least and greatest item state, greatest text state, value counts of the background variables); the exact
 * counts of bad, suspect and multi-line cells, with their wide per-row sums, run only when that scan finds some.
 */
export async function summariseCells(connection: DuckDBConnection, codebook: Codebook, columns: string[], layout: CellsLayout): Promise<CellsSummary> {
  const id = quoteIdentifier(codebook.identifier.id);
  const hasId = columns.includes(codebook.identifier.id);
  const aggregates = [
    "count(*)",
    hasId ? `count(*) - count(${id})` : "0",
    ...layout.items.flatMap((name) => [`min(${quoteIdentifier(name)})`, `max(${quoteIdentifier(name)})`]),
    ...layout.states.map((state) => `max(${quoteIdentifier(state)})`)
  ];
  const [respondents, emptyIds, ...extremes] = (await connection.runAndReadAll(`SELECT ${aggregates.join(", ")} FROM cells`)).getRows()[0].map((v) => (v === null ? null : Number(v)));
  const itemExtremes = extremes.slice(0, 2 * layout.items.length);
  const stateMaxima = extremes.slice(2 * layout.items.length);
  const background = codebook.background.filter((b) => columns.includes(b.id));
  let backgroundBad = 0;
  if (background.length) {
    const groups = await connection.runAndReadAll(`SELECT ${background.map((b) => quoteIdentifier(b.id)).join(", ")}, count(*) FROM cells GROUP BY ALL`);
    for (const row of groups.getRows())
      background.forEach((b, j) => {
        const value = row[j] === null ? null : String(row[j]);
        if (value === null ? b.required : !b.values.includes(value)) backgroundBad += Number(row.at(-1));
      });
  }
  const itemsOdd = itemExtremes.some((v, j) => v !== null && (j % 2 === 0 ? v < 0 : v >= 100));
  const statesOdd = stateMaxima.some((v) => v !== null && v > TEXT_STATE.PLAIN);
  const badTextCells = Number(emptyIds) + backgroundBad;
  let badItemCells = 0;
  let suspectCells = 0;
  let multilineCells = 0;
  if (itemsOdd || statesOdd) {
    const exact = await connection.runAndReadAll(`SELECT coalesce(sum(${badItemCount(codebook, columns)}), 0), coalesce(sum(${suspectCellCount(layout)}), 0), coalesce(sum(${multilineCellCount(layout)}), 0) FROM cells`);
    [badItemCells, suspectCells, multilineCells] = exact.getRows()[0].map(Number);
  }
  const duplicateIds = hasId ? Number((await connection.runAndReadAll(`SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM cells WHERE ${id} IS NOT NULL GROUP BY ${id} HAVING count(*) > 1)`)).getRows()[0][0]) : 0;
  return {respondents: Number(respondents), badItemCells, badTextCells, duplicateIds, suspectCells, multilineCells};
}
