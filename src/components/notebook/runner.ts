// Runs a notebook reactively: after a change, exactly the changed cells and their dependants run, in dependency
// order. The database is injected (`NotebookExecutor`): DuckDB-WASM in the page, @duckdb/node-api in the tests.
// A failing cell marks only its own dependants as blocked (naming the cell that failed); the others still run.
// A newer change supersedes an older run: the older one finishes the cell in flight and starts no further cell; the
// newer run takes over the cells the older one left unfinished, so none is left showing a stale result.
import {dependencyGraph} from "./dependencies.js";
import {cellName, type Cell, type InputCell, type Notebook} from "./notebook.js";
import {CellSqlError, prepareCell, type BoundValue} from "./parameters.js";

export interface NotebookExecutor<R> {
  /**
   * Prepares `sql` (one statement that creates the temporary table `name`), binds `params` to $1..$n by their
   * type, runs it, and returns the table `name` as the page shows it (e.g. `FROM name`).
   */
  runSql(name: string, sql: string, params: BoundValue[]): Promise<R>;
}

export type CellState<R> =
  | {status: "waiting"}
  | {status: "running"}
  | {status: "done"; result?: R}
  | {status: "error"; message: string}
  | {status: "blocked"; by: string; message: string};

export interface RunReport {
  /** Ids of the cells this run ran (SQL executed, inputs, charts and text refreshed), in order. */
  ran: string[];
  /** True when a newer run took over before this one finished. */
  superseded: boolean;
}

export interface RunnerOptions<R> {
  /** Called whenever a cell's state changes, e.g. to redraw it and announce the change politely. */
  onState?: (id: string, state: CellState<R>) => void;
}

export class NotebookRunner<R> {
  readonly states = new Map<string, CellState<R>>();
  private generation = 0;
  private previous: Promise<unknown> = Promise.resolve();
  /** Cells a superseded run was to run but did not reach. */
  private readonly unfinished = new Set<string>();

  constructor(private readonly executor: NotebookExecutor<R>, private readonly options: RunnerOptions<R> = {}) {}

  /**
   * Runs `changedIds` and everything that depends on them (all cells when omitted), plus what a superseded run left.
   * Resolves when done or superseded.
   */
  run(notebook: Notebook, changedIds?: Iterable<string>): Promise<RunReport> {
    const generation = ++this.generation;
    // wait for the superseded run's cell in flight, so that two runs never write the same table at once
    const run = this.previous.then(() => this.runCells(notebook, changedIds, generation));
    this.previous = run.catch(() => undefined);
    return run;
  }

  private set(id: string, state: CellState<R>) {
    this.states.set(id, state);
    this.options.onState?.(id, state);
  }

  private async runCells(notebook: Notebook, changedIds: Iterable<string> | undefined, generation: number): Promise<RunReport> {
    const graph = dependencyGraph(notebook);
    const byId = new Map(notebook.cells.map((c) => [c.id, c]));
    let targets: string[];
    if (changedIds === undefined) targets = graph.order;
    else {
      const changed = new Set([...changedIds].filter((id) => byId.has(id)));
      const dependants = new Set(graph.dependants(changed));
      targets = graph.order.filter((id) => changed.has(id) || dependants.has(id) || this.unfinished.has(id));
    }
    this.unfinished.clear();
    const inputs = new Map<string, InputCell>();
    for (const c of notebook.cells) if (c.kind === "input") inputs.set(c.name, c);
    const report: RunReport = {ran: [], superseded: false};
    const current = () => generation === this.generation;
    if (!current()) return {...report, superseded: true};
    for (const id of targets) {
      this.unfinished.add(id);
      this.set(id, {status: "waiting"});
    }
    for (const id of targets) {
      if (!current()) return {...report, superseded: true};
      this.unfinished.delete(id);
      const cell = byId.get(id)!;
      const link = graph.links.get(id)!;
      if (link.error) {
        this.set(id, {status: "error", message: link.error});
        continue;
      }
      const blocker = this.blockerOf(link.reads, byId);
      if (blocker) {
        this.set(id, {status: "blocked", by: blocker, message: `Wacht op cel ${blocker}, die een fout gaf.`});
        continue;
      }
      report.ran.push(id);
      if (cell.kind !== "sql") {
        this.set(id, this.refreshed(cell, byId));
        continue;
      }
      this.set(id, {status: "running"});
      let state: CellState<R>;
      try {
        const prepared = prepareCell(cell.name, cell.sql, inputs);
        state = {status: "done", result: await this.executor.runSql(cell.name, prepared.sql, prepared.params)};
      } catch (error) {
        const message = error instanceof CellSqlError ? error.message : `Cel ${cell.name}: ${error instanceof Error ? error.message : String(error)}`;
        state = {status: "error", message};
      }
      // runs never overlap (see run), so this result is the table's content even when a newer run is waiting
      this.set(id, state);
    }
    return report;
  }

  /** The name of the upstream cell that failed (itself, or the one its own blocker names), or null. */
  private blockerOf(reads: string[], byId: Map<string, Cell>): string | null {
    for (const r of reads) {
      const s = this.states.get(r);
      if (s?.status === "error") return cellName(byId.get(r)!);
      if (s?.status === "blocked") return s.by;
    }
    return null;
  }

  /** Inputs and text have nothing to run; a chart takes its source's result. */
  private refreshed(cell: Cell, byId: Map<string, Cell>): CellState<R> {
    if (cell.kind !== "chart") return {status: "done"};
    const source = [...byId.values()].find((c) => c.kind === "sql" && c.name === cell.from);
    const state = source && this.states.get(source.id);
    return state?.status === "done" ? {status: "done", result: state.result} : {status: "done"};
  }
}
