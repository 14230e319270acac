// DuckDB-WASM for the built site, self-hosted and offline.
//
// Usage: `import {surveyDatabase} from "./components/db.js"` (path relative to your page), then
// `const survey = await surveyDatabase()` gives a singleton with the tables respondents, answers, items and
// response_options loaded from src/data/*.parquet. `await survey.query("SELECT ...")` and the tag
// ``await survey.sql`SELECT * FROM respondents WHERE size_class = ${sizeClass}` `` return Arrow tables (interpolated
// values become SQL literals, so they are safe); `survey.db` is the AsyncDuckDB for anything else. For Framework's
// ```sql fenced blocks, define `const sql = survey.sql;` in a js cell of your page. The first call starts the
// worker and fetches the 33 MB wasm (a second or more): draw first from `readParquetRows` (./parquet.js) and bring
// DuckDB in afterwards, e.g. with a dynamic `import("./components/db.js")`. `loadParquetTable(db, name, bytes)` loads
// any other Parquet file. Why not `read_parquet`: since duckdb-wasm 1.29 that needs an extension downloaded from the
// internet, so Parquet is decoded with hyparquet into Arrow and inserted instead.
import * as duckdb from "@duckdb/duckdb-wasm";
import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
import * as arrow from "apache-arrow";
import {FileAttachment} from "observablehq:stdlib";
import {parquetToArrow} from "./parquet-arrow.js";
import {quoteIdentifier, sqlText} from "./story/sql.js";

export {quoteIdentifier, sqlLiteral, sqlText} from "./story/sql.js";

export interface SurveyDatabase {
  db: AsyncDuckDB;
  query(sql: string): Promise<arrow.Table>;
  sql(strings: TemplateStringsArray, ...values: unknown[]): Promise<arrow.Table>;
}

/**
 * The four survey tables and their files. Literal paths, so that Framework copies them into dist/; and always with
 * `.arrayBuffer()` right behind FileAttachment(...): a bare `FileAttachment("x.parquet")` makes Framework add
 * implicit imports of npm:apache-arrow and npm:parquet-wasm, which the build tries to fetch from a CDN.
 */
const surveyFiles: Record<string, () => Promise<ArrayBuffer>> = {
  respondents: () => FileAttachment("../data/respondents.parquet").arrayBuffer(),
  answers: () => FileAttachment("../data/answers.parquet").arrayBuffer(),
  items: () => FileAttachment("../data/items.parquet").arrayBuffer(),
  response_options: () => FileAttachment("../data/response_options.parquet").arrayBuffer()
};

/** Starts DuckDB-WASM (the exception-handling build) from files Framework copied out of node_modules. */
async function startDuckDB(): Promise<AsyncDuckDB> {
  const worker = new Worker(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), {type: "module"});
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
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

let instance: Promise<SurveyDatabase> | undefined;

/** The one shared database of this page, with the four survey tables loaded. */
export function surveyDatabase(): Promise<SurveyDatabase> {
  return (instance ??= (async () => {
    // Fetch the Parquet files while the wasm compiles.
    const [db, ...buffers] = await Promise.all([startDuckDB(), ...Object.values(surveyFiles).map((read) => read())]);
    await Promise.all(Object.keys(surveyFiles).map((table, i) => loadParquetTable(db, table, new Uint8Array(buffers[i]))));
    const connection = await db.connect();
    const query = (text: string) => connection.query(text) as Promise<arrow.Table>;
    return {db, query, sql: (strings: TemplateStringsArray, ...values: unknown[]) => query(sqlText(strings, ...values))};
  })());
}
