// Running one query on a DuckDB-WASM connection so that a million-row result stays cheap:
// the result is streamed, the first `keepRows` rows are kept for the table, the chart and exports,
// and the rest is only counted. A run can be cancelled. Named parameters ($grootte) are bound as values
// through a prepared statement, never spliced into the SQL (see ./parameters.ts).
import {Table, type RecordBatch, type Schema} from "apache-arrow";
import {bindParameters} from "./parameters.js";

type BatchStream = AsyncIterable<RecordBatch> & {schema: Schema};

/** The part of AsyncDuckDBConnection the runner uses (tests pass a fake). */
export interface StreamingConnection {
  send(sql: string, allowStreamResult?: boolean): Promise<BatchStream>;
  cancelSent(): Promise<boolean>;
  /** Needed only for queries with parameters. */
  prepare?(sql: string): Promise<{send(...values: unknown[]): Promise<BatchStream>; close(): Promise<void>}>;
}

export interface RunOptions {
  /** Rows kept in the result's table (default 10 000); the rest is only counted. */
  keepRows?: number;
  /** Values for the query's `$name` parameters. */
  params?: Record<string, unknown>;
  /** Called with every batch as it arrives, e.g. to write a file piece by piece; awaited before the next batch. */
  onBatch?(batch: RecordBatch, rowsSoFar: number): void | Promise<void>;
  /** The clock (default performance.now). */
  now?(): number;
}

export interface QueryResult {
  /** The first `keepRows` rows (all of them when `complete`). */
  table: Table;
  /** All rows of the result, counted while streaming. */
  rowCount: number;
  complete: boolean;
  /** Milliseconds from sending the query until the last row was counted. */
  elapsedMs: number;
  /** Milliseconds until the first rows were there to show. */
  firstRowsMs: number;
}

export class QueryCancelled extends Error {
  constructor() {
    super("De query is afgebroken.");
    this.name = "QueryCancelled";
  }
}

export interface RunningQuery {
  result: Promise<QueryResult>;
  /** Asks DuckDB to stop the query and stops reading its result; `result` then rejects with QueryCancelled. */
  cancel(): Promise<void>;
}

/** Sends `sql` on `connection` (as a prepared statement when there are parameters) and streams its result. */
async function send(connection: StreamingConnection, sql: string, params: Record<string, unknown> | undefined): Promise<{reader: BatchStream; close(): Promise<void>}> {
  const bound = params ? bindParameters(sql, params) : null;
  if (!bound || bound.names.length === 0) return {reader: await connection.send(sql, true), close: async () => {}};
  if (!connection.prepare) throw new Error("deze verbinding kent geen parameters");
  const statement = await connection.prepare(bound.sql);
  try {
    return {reader: await statement.send(...bound.values), close: () => statement.close()};
  } catch (error) {
    await statement.close().catch(() => null);
    throw error;
  }
}

/**
 * Sends `sql` on `connection` and streams its result. Options: see RunOptions.
 */
export function runQuery(connection: StreamingConnection, sql: string, {keepRows = 10_000, params, onBatch, now = () => performance.now()}: RunOptions = {}): RunningQuery {
  let cancelled = false;
  const start = now();
  const result = (async (): Promise<QueryResult> => {
    let sent: Awaited<ReturnType<typeof send>>;
    try {
      sent = await send(connection, sql, params);
    } catch (error) {
      if (cancelled) throw new QueryCancelled();
      throw error;
    }
    try {
      return await read(sent.reader);
    } finally {
      await sent.close().catch(() => null);
    }
  })();
  async function read(reader: BatchStream): Promise<QueryResult> {
    if (cancelled) throw new QueryCancelled();
    const kept: RecordBatch[] = [];
    let keptRows = 0;
    let rowCount = 0;
    let firstRowsMs = NaN;
    for await (const batch of reader) {
      if (cancelled) throw new QueryCancelled();
      rowCount += batch.numRows;
      if (onBatch) await onBatch(batch, rowCount);
      if (cancelled) throw new QueryCancelled();
      if (keptRows < keepRows && batch.numRows > 0) {
        const take = Math.min(batch.numRows, keepRows - keptRows);
        kept.push(take === batch.numRows ? batch : batch.slice(0, take));
        keptRows += take;
        if (Number.isNaN(firstRowsMs)) firstRowsMs = now() - start;
      }
    }
    if (cancelled) throw new QueryCancelled();
    const elapsedMs = now() - start;
    const table = kept.length ? new Table(kept) : new Table(reader.schema);
    return {table, rowCount, complete: rowCount === keptRows, elapsedMs, firstRowsMs: Number.isNaN(firstRowsMs) ? elapsedMs : firstRowsMs};
  }
  return {
    result,
    async cancel() {
      cancelled = true;
      await connection.cancelSent().catch(() => false);
    }
  };
}
