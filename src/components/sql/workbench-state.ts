// What the SQL workbench holds: the open database, the result on show, the export area, the schema, the history and
// the reader's own files. Every part of the page draws from this state, and every action changes it through the store.
import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import type {ChartSpec} from "./chart.js";
import type {ResultColumn} from "./columns.js";
import type {HistoryEntry} from "./history.js";
import type {ConsentStep} from "./network-panel.js";
import type {NetworkAccess} from "./network.js";
import type {QueryResult, RunningQuery} from "./run.js";
import type {SchemaTable} from "./schema.js";

/** A database the workbench can query: surveyDatabase() or openSurveyDatabase() of ../db.ts. */
export interface WorkbenchDatabase {
  db: AsyncDuckDB;
  access: NetworkAccess;
}

/** The database in use: its connection, and whether it is the offline one. */
export interface OpenDatabase extends WorkbenchDatabase {
  connection: AsyncDuckDBConnection;
}

/** A file the reader added, kept so that it can be loaded again when the database is re-opened. */
export interface OwnFile {
  file: File;
  table: string;
}

/** What the export area shows: the bar, the question before a large Parquet file, or the progress of a CSV file. */
export type ExportView = {kind: "bar"} | {kind: "confirm-parquet"; rowCount: number} | {kind: "progress"; label: string; rows: number; total: number};

/** An error as the page shows it: a bold title, what it means in plain Dutch (when known), and DuckDB's own words. */
export interface ErrorView {
  title: string;
  explanation?: string | null;
  detail: string;
}

export interface WorkbenchState {
  database: OpenDatabase | null;
  /** The offline database, kept while the remote one is open so that closing it is immediate. */
  offline: OpenDatabase | null;
  consent: ConsentStep;
  status: string;
  /** The error box; null hides it. */
  error: ErrorView | null;
  running: RunningQuery | null;
  /** The SQL of the result shown (exports run it again when not all rows were kept). */
  resultSql: string;
  result: QueryResult | null;
  page: number;
  chart: ChartSpec | null;
  chartOpen: boolean;
  exportView: ExportView;
  tables: SchemaTable[];
  history: HistoryEntry[];
  ownFiles: OwnFile[];
  dropStatus: string;
}

/** What the last run produced; set as the element's `value` (as Framework inputs do) for tests and other cells. */
export interface WorkbenchValue {
  sql: string;
  columns: ResultColumn[];
  /** The kept rows as plain values. */
  rows: unknown[][];
  rowCount: number;
  elapsedMs: number;
  error: string | null;
  /** Whether the query ran in the offline database or, after consent, in the one with internet access. */
  access: NetworkAccess;
}

/** The state of a workbench whose database is still loading. */
export function initialWorkbenchState(history: HistoryEntry[]): WorkbenchState {
  return {
    database: null,
    offline: null,
    consent: "closed",
    status: "Database laden…",
    error: null,
    running: null,
    resultSql: "",
    result: null,
    page: 0,
    chart: null,
    chartOpen: false,
    exportView: {kind: "bar"},
    tables: [],
    history,
    ownFiles: [],
    dropStatus: ""
  };
}
