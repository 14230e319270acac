// Running one query on a DuckDB-WASM connection so that a million-row result stays cheap:
// the result is streamed, the first `keepRows` rows are kept for the table, the chart and exports,
// and the rest is only counted. A run can be cancelled.
import {Table, type RecordBatch, type Schema} from "apache-arrow";

/** The part of AsyncDuckDBConnection the runner uses (tests pass a fake). */
export interface StreamingConnection {
  send(sql: string, allowStreamResult?: boolean): Promise<AsyncIterable<RecordBatch> & {schema: Schema}>;
  cancelSent(): Promise<boolean>;
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

/**
 * Sends `sql` on `connection` and streams its result.
 * Options: `keepRows` (default 10 000) rows kept, `now` the clock (default performance.now).
 */
export function runQuery(connection: StreamingConnection, sql: string, {keepRows = 10_000, now = () => performance.now()} = {}): RunningQuery {
  let cancelled = false;
  const start = now();
  const result = (async (): Promise<QueryResult> => {
    let reader: AsyncIterable<RecordBatch> & {schema: Schema};
    try {
      reader = await connection.send(sql, true);
    } catch (error) {
      if (cancelled) throw new QueryCancelled();
      throw error;
    }
    if (cancelled) throw new QueryCancelled();
    const kept: RecordBatch[] = [];
    let keptRows = 0;
    let rowCount = 0;
    let firstRowsMs = NaN;
    for await (const batch of reader) {
      if (cancelled) throw new QueryCancelled();
      rowCount += batch.numRows;
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
  })();
  return {
    result,
    async cancel() {
      cancelled = true;
      await connection.cancelSent().catch(() => false);
    }
  };
}
