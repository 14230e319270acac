import {mkdtempSync, mkdirSync, renameSync, rmSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {DuckDBInstance, type DuckDBAppender} from "@duckdb/node-api";
import type {Cell, ColumnType, OutputTable} from "../tables/output-table.ts";

/** Key-value metadata stored in every Parquet footer (e.g. provenance: reconstructed responses). */
export type ParquetMetadata = Record<string, string>;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteString = (value: string) => `'${value.replaceAll("'", "''")}'`;

function append(appender: DuckDBAppender, type: ColumnType, value: Cell): void {
  if (value === null || value === undefined) return appender.appendNull();
  if (type === "VARCHAR") return appender.appendVarchar(String(value));
  if (type === "INTEGER") return appender.appendInteger(value as number);
  return appender.appendDouble(value as number);
}

/**
 * Writes each table to `<outDir>/<name>.parquet` with DuckDB (snappy compression, readable by hyparquet
 * in the browser). All files are first written to a temporary folder next to outDir and only then moved
 * into place, so a failure leaves outDir as it was.
 */
export async function writeParquetTables(tables: OutputTable[], outDir: string, metadata: ParquetMetadata = {}): Promise<string[]> {
  const target = resolve(outDir);
  mkdirSync(dirname(target), {recursive: true});
  const staging = mkdtempSync(join(dirname(target), ".staging-"));
  try {
    await writeTablesTo(tables, staging, metadata);
    mkdirSync(target, {recursive: true});
    return readdirSync(staging).map((file) => {
      renameSync(join(staging, file), join(target, file));
      return join(target, file);
    });
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
}

/** One table as Parquet bytes (for Framework data loaders, which write to stdout). */
export async function parquetBytes(table: OutputTable, metadata: ParquetMetadata = {}): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "kv-parquet-"));
  try {
    await writeTablesTo([table], dir, metadata);
    return readFileSync(join(dir, `${table.name}.parquet`));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

async function writeTablesTo(tables: OutputTable[], dir: string, metadata: ParquetMetadata): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const kv = Object.entries(metadata).map(([k, v]) => `${quoteIdent(k)}: ${quoteString(v)}`).join(", ");
    for (const table of tables) {
      await connection.run(`CREATE TABLE ${quoteIdent(table.name)} (${table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ")})`);
      const appender = await connection.createAppender(table.name);
      for (const row of table.rows) {
        table.columns.forEach((column, i) => append(appender, column.type, row[i]));
        appender.endRow();
      }
      appender.closeSync();
      const file = join(dir, `${table.name}.parquet`);
      await connection.run(`COPY ${quoteIdent(table.name)} TO ${quoteString(file)} (FORMAT parquet, COMPRESSION snappy${kv ? `, KV_METADATA {${kv}}` : ""})`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
