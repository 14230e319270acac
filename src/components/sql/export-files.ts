// The files the export bar offers, made from a query result: CSV of every row (streamed again from DuckDB when only
// the first rows were kept, written batch by batch), Parquet, and a Markdown copy of at most 1,000 rows.
import type {Table} from "apache-arrow";
import {resultColumns, tableRows} from "./columns.js";
import {csvFile, toMarkdown, toParquet} from "./exporters.js";
import {runQuery, type QueryResult, type StreamingConnection} from "./run.js";

/** A result and where it came from, so that the rows not kept can be fetched again. */
export interface ExportSource {
  result: QueryResult;
  sql: string;
  connection: StreamingConnection;
  params?: Record<string, unknown>;
}

export interface ExportFile {
  blob: Blob;
  rows: number;
}

/**
 * CSV of every row. `onProgress(rows)` hears how far a streamed export is, about once per percent, so that a
 * progress bar can follow without redrawing for every batch.
 */
export async function csvExport({result, sql, connection, params}: ExportSource, onProgress: (rows: number) => void = () => {}): Promise<ExportFile> {
  const file = csvFile(resultColumns(result.table.schema).map((c) => c.name));
  if (result.complete) {
    file.add(result.table);
  } else {
    let reported = 0;
    await runQuery(connection, sql, {
      keepRows: 0,
      params,
      onBatch: (batch, rows) => {
        file.add(batch);
        if (rows - reported >= result.rowCount / 100) onProgress((reported = rows));
      }
    }).result;
  }
  return {blob: file.blob(), rows: file.rows};
}

/** Parquet of every row; built in memory in one step (ask first above parquetWarningRows). */
export async function parquetExport({result, sql, connection, params}: ExportSource): Promise<ExportFile> {
  const table: Table = result.complete ? result.table : (await runQuery(connection, sql, {keepRows: Infinity, params}).result).table;
  return {blob: new Blob([toParquet(table)], {type: "application/vnd.apache.parquet"}), rows: table.numRows};
}

/** A Markdown table of the first `maxRows` (default 1,000) kept rows, saying how many were left out. */
export function markdownExport(result: QueryResult, {maxRows = 1000} = {}): string {
  const columns = resultColumns(result.table.schema);
  return toMarkdown(
    columns.map((c) => c.name),
    tableRows(result.table, {limit: maxRows}),
    {numeric: columns.map((c) => c.kind === "number"), totalRows: result.rowCount}
  );
}
