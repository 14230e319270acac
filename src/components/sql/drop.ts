// Reading a file the reader dropped on the page (or picked) into a table beside the survey tables.
// The file stays in the browser: it is handed to DuckDB-WASM's in-memory file system, never uploaded, in the one
// folder that the offline database may read (ownFilesDirectory).
import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
import {surveyTables} from "./schema.js";
import {ownFilesDirectory} from "./network.js";
import {queryFailure} from "./errors.js";

export type DroppedKind = "csv" | "parquet";

/** The kind of file by its name, or null when it is neither CSV (also .tsv, .txt) nor Parquet. */
export function droppedKind(fileName: string): DroppedKind | null {
  if (/\.parquet$/i.test(fileName)) return "parquet";
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return "csv";
  return null;
}

/**
 * A table name for a file: lower case, letters, digits and underscores, not starting with a digit,
 * and never one of the survey tables or a name already taken (then _2, _3, ... is added).
 */
export function tableNameForFile(fileName: string, taken: Iterable<string> = []): string {
  const base =
    fileName
      .replace(/\.[^.]*$/, "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, "_")
      .replace(/^_+|_+$/g, "") || "bestand";
  const name = /^[0-9]/.test(base) ? `t_${base}` : base;
  const used = new Set([...surveyTables, ...taken]);
  if (!used.has(name)) return name;
  for (let i = 2; ; ++i) if (!used.has(`${name}_${i}`)) return `${name}_${i}`;
}

export interface DropTarget {
  db: AsyncDuckDB;
  loadParquetTable(db: AsyncDuckDB, table: string, bytes: Uint8Array): Promise<void>;
}

/**
 * Loads `file` as table `table`: CSV with DuckDB's built-in CSV reader (no extension needed),
 * Parquet through loadParquetTable (hyparquet, since the parquet extension would be downloaded).
 */
export async function loadDroppedFile({db, loadParquetTable}: DropTarget, file: {name: string; arrayBuffer(): Promise<ArrayBuffer>}, table: string): Promise<void> {
  const kind = droppedKind(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (kind === "parquet") return loadParquetTable(db, table, bytes);
  if (kind !== "csv") throw new Error(`Dit bestandstype wordt niet ondersteund: ${file.name} (alleen CSV of Parquet).`);
  const path = `${ownFilesDirectory}${table}.csv`;
  await db.registerFileBuffer(path, bytes);
  const connection = await db.connect();
  try {
    await connection.query(`CREATE OR REPLACE TABLE "${table}" AS SELECT * FROM read_csv('${path}')`);
  } finally {
    await connection.close();
    await db.dropFile(path).catch(() => null);
  }
}

export interface OwnFilesOptions {
  /** Table names already taken (the schema's tables). */
  taken: () => string[];
  /** Shows how a file is getting on (a polite live region). */
  say: (text: string) => void;
  /** After a file became `table`: what the page does next, and the sentence that says it worked. */
  loaded: (file: File, table: string) => Promise<string>;
  /** Loads one file into a table (default: loadDroppedFile; tests pass their own). */
  load?: (target: DropTarget, file: File, table: string) => Promise<void>;
}

/**
 * The reader's own files into tables named after them, one by one, on the workbench and in the notebook alike: a file
 * that is neither CSV nor Parquet is refused by its name, one DuckDB cannot read gives DuckDB's reason and no table.
 */
export async function addOwnFiles(files: readonly File[], target: DropTarget, {taken, say, loaded, load = loadDroppedFile}: OwnFilesOptions): Promise<void> {
  for (const file of files) {
    if (!droppedKind(file.name)) {
      say(`${file.name}: alleen CSV- of Parquetbestanden.`);
      continue;
    }
    const table = tableNameForFile(file.name, taken());
    say(`${file.name} inlezen…`);
    try {
      await load(target, file, table);
      say(await loaded(file, table));
    } catch (error) {
      say(`${file.name} kon niet worden ingelezen: ${queryFailure(error, "").message}`);
    }
  }
}
