// DuckDB-WASM for the built site, self-hosted and offline.
//
// Usage: `import {surveyDatabase} from "./components/db.js"` (path relative to your page), then
// `const survey = await surveyDatabase()` gives a singleton with the tables respondents, answers, items and
// response_options loaded from src/data/*.parquet. `await survey.query("SELECT ...")` and the tag
// ``await survey.sql`SELECT * FROM respondents WHERE size_class = ${sizeClass}` `` return Arrow tables (interpolated
// values become SQL literals, so they are safe); `survey.db` is the AsyncDuckDB for anything else. For Framework's
// ```sql fenced blocks, define `const sql = survey.sql;` in a js cell of your page. The first call starts the
// worker and fetches the wasm (7,7 MB packed, 34 MB unpacked: a second or more; see ./duckdb-module.ts): draw first from `readParquetRows` (./parquet.js) and bring
// DuckDB in afterwards, e.g. with a dynamic `import("./components/db.js")`. `loadParquetTable(db, name, bytes)` loads
// any other Parquet file. Why not `read_parquet`: since duckdb-wasm 1.29 that needs an extension downloaded from the
// internet, so Parquet is decoded with hyparquet into Arrow and inserted instead.
//
// Network: every database starts with no access outside itself. After the survey tables are loaded, DuckDB's own
// settings (enable_external_access = false, then lock_configuration = true; see ./sql/network.ts) make it refuse
// any file or URL a query names, however the query spells it. `openSurveyDatabase({access: "remote"})` opens a
// separate database that may read files from other websites; only the SQL workbench does that, after the reader
// asked for it, and never for the shared singleton that the story pages use.
import * as duckdb from "@duckdb/duckdb-wasm";
import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
import * as arrow from "apache-arrow";
import {FileAttachment} from "observablehq:stdlib";
import {parquetToArrow} from "./parquet-arrow.js";
import {duckdbModuleUrl} from "./duckdb-module.js";
import {quoteIdentifier, sqlText} from "./story/sql.js";
import {accessSettings, type NetworkAccess} from "./sql/network.js";

export {quoteIdentifier, sqlLiteral, sqlText} from "./story/sql.js";

export interface SurveyDatabase {
  db: AsyncDuckDB;
  /** What queries may reach outside the database; fixed for the database's lifetime. */
  access: NetworkAccess;
  query(sql: string): Promise<arrow.Table>;
  sql(strings: TemplateStringsArray, ...values: unknown[]): Promise<arrow.Table>;
}

/**
 * The four survey tables and their files. Literal paths, so that Framework copies them into dist/; and always with
 * `.arrayBuffer()` right behind FileAttachment(...): a bare `FileAttachment("x.parquet")` makes Framework add
 * implicit imports of npm:apache-arrow and npm:parquet-wasm, which the build tries to fetch from a CDN.
 */
const surveyFiles: Record<string, () => Promise<ArrayBuffer>> = {
  respondents: () => FileAttachment("../data/site/respondents.parquet").arrayBuffer(),
  answers: () => FileAttachment("../data/site/answers.parquet").arrayBuffer(),
  items: () => FileAttachment("../data/site/items.parquet").arrayBuffer(),
  response_options: () => FileAttachment("../data/site/response_options.parquet").arrayBuffer()
};

/**
 * DuckDB-WASM's worker (a classic script) and its gzip module, served as the site's own files (src/data/duckdb.zip.ts)
 * and fetched only when a database starts.
 */
const duckdbWorkerUrl = () => FileAttachment("../data/duckdb/duckdb-browser-eh.worker.js").url();
const duckdbPackedModuleUrl = () => FileAttachment("../data/duckdb/duckdb-eh.wasm.gz").url();

/** Starts DuckDB-WASM (the exception-handling build). */
async function startDuckDB(): Promise<AsyncDuckDB> {
  const worker = new Worker(await duckdbWorkerUrl());
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(await duckdbModuleUrl(await duckdbPackedModuleUrl()));
  // Nothing may be fetched from the internet: no extension auto-install or auto-load.
  await db.open({query: {castBigIntToDouble: true}, autoInstallKnownExtensions: false, autoLoadKnownExtensions: false} as any);
  return db;
}

/** Parquet bytes -> Arrow (hyparquet) -> a new table `table` (replacing one of that name). */
export async function loadParquetTable(db: AsyncDuckDB, table: string, bytes: Uint8Array): Promise<void> {
  const data = await parquetToArrow(bytes);
  const connection = await db.connect();
  try {
    await connection.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
    await connection.insertArrowFromIPCStream(arrow.tableToIPC(data, "stream"), {name: table, create: true});
  } finally {
    await connection.close();
  }
}

/** The survey files, fetched once per page even when a second database is opened. */
let surveyBytes: Promise<ArrayBuffer[]> | undefined;

/**
 * A new database with the four survey tables loaded and `access` locked in (default "offline").
 * Each call starts its own worker; `db.terminate()` stops it.
 */
export async function openSurveyDatabase({access = "offline"}: {access?: NetworkAccess} = {}): Promise<SurveyDatabase> {
  // Fetch the Parquet files while the wasm compiles.
  surveyBytes ??= Promise.all(Object.values(surveyFiles).map((read) => read()));
  const [db, buffers] = await Promise.all([startDuckDB(), surveyBytes]);
  await Promise.all(Object.keys(surveyFiles).map((table, i) => loadParquetTable(db, table, new Uint8Array(buffers[i]))));
  const connection = await db.connect();
  for (const setting of accessSettings(access)) await connection.query(setting);
  const query = (text: string) => connection.query(text) as Promise<arrow.Table>;
  return {db, access, query, sql: (strings: TemplateStringsArray, ...values: unknown[]) => query(sqlText(strings, ...values))};
}

let instance: Promise<SurveyDatabase> | undefined;

/** The one shared database of this page, with the four survey tables loaded and no access outside itself. */
export function surveyDatabase(): Promise<SurveyDatabase> {
  return (instance ??= openSurveyDatabase());
}
