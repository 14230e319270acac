// Ingest of large exports: ingestAtScale (DuckDB) against native DuckDB doing the same read, score and write
// without the checks, at 100 000 and 1 000 000 respondents; time and peak memory (max RSS of a child process),
// each beside its goal (at most 2x native). Also the in-memory ingest at 107 rows and 100 000 for the threshold
// (AT_SCALE_MIN_BYTES), and 10 000 000 respondents when test/bench/data/export-10m.csv exists (goal: completes).
// Generated exports go to test/bench/data/ (git-ignored) when missing (scripts/generate-large.ts --export).
//
// "Native DuckDB" is @duckdb/node-api running only SQL: read_csv with the item columns typed TINYINT, the weights
// from one GROUP BY, and the same respondents/answers SELECTs as ingestAtScale (no validation, no error positions,
// no identifier or k-anonymity checks). The duckdb CLI is not on the npm registry as a binary package.
import {execFile} from "node:child_process";
import {existsSync, mkdirSync, rmSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {goal, type BenchFigures} from "./goal.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const dataDir = join(here, "data");
const run = promisify(execFile);

interface Measure {
  ms: number;
  maxRssMb: number;
}

/** One ingest in a fresh node process, so its max RSS is its own. */
async function measure(mode: "at-scale" | "native" | "in-memory", file: string): Promise<Measure | string> {
  const out = join(dataDir, `out-${mode}`);
  rmSync(out, {recursive: true, force: true});
  try {
    const {stdout} = await run(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", mode, file, out], {cwd: root, maxBuffer: 1 << 24, env: {...process.env}});
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as Measure;
  } catch (error) {
    const e = error as {stderr?: string; message: string};
    const reason = /heap out of memory/i.test(e.stderr ?? "") ? "JavaScript heap out of memory" : (e.stderr ?? e.message).trim().split("\n").at(-1);
    return `failed: ${reason}`;
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

async function exportOf(respondents: number, name: string): Promise<string> {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    const {writeExport} = await import("../../scripts/generate-large.ts");
    await writeExport(file, {respondents});
  }
  return file;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function compare(label: string, atScale: Measure | string, native: Measure | string): BenchFigures {
  if (typeof atScale === "string" || typeof native === "string")
    return {[`${label}: time vs native DuckDB`]: goal(`at scale ${typeof atScale === "string" ? atScale : seconds(atScale.ms)}, native ${typeof native === "string" ? native : seconds(native.ms)}`, "<= 2x native", false)};
  const time = atScale.ms / native.ms;
  const memory = atScale.maxRssMb / native.maxRssMb;
  return {
    [`${label}: time vs native DuckDB`]: goal(`${seconds(atScale.ms)} vs ${seconds(native.ms)} = ${time.toFixed(2)}x`, "<= 2x native", time <= 2),
    [`${label}: peak memory vs native DuckDB`]: goal(`${atScale.maxRssMb} vs ${native.maxRssMb} MB = ${memory.toFixed(2)}x`, "<= 2x native", memory <= 2)
  };
}

export default async function ingestBench(): Promise<BenchFigures> {
  mkdirSync(dataDir, {recursive: true});
  const figures: BenchFigures = {};
  const small = join(root, "data/raw/responses.csv");
  const [memorySmall, scaleSmall] = [await measure("in-memory", small), await measure("at-scale", small)];
  const show = (m: Measure | string) => (typeof m === "string" ? m : `${seconds(m.ms)}, ${m.maxRssMb} MB`);
  figures[`ingest 107 rows (${statSync(small).size} B): in-memory / at scale`] = `${show(memorySmall)} / ${show(scaleSmall)}`;
  const file100k = await exportOf(100_000, "export-100k.csv");
  figures[`ingest 100k (${(statSync(file100k).size / 1e6).toFixed(0)} MB): in-memory`] = show(await measure("in-memory", file100k));
  Object.assign(figures, compare("ingest 100k", await measure("at-scale", file100k), await measure("native", file100k)));
  const file1m = await exportOf(1_000_000, "export-1m.csv");
  Object.assign(figures, compare("ingest 1M", await measure("at-scale", file1m), await measure("native", file1m)));
  // 10M: a 1,5 GB export, generated only on request (KV_BENCH_10M=1 or the file already there), deleted afterwards when generated here.
  const file10m = join(dataDir, "export-10m.csv");
  const made10m = !existsSync(file10m) && process.env.KV_BENCH_10M === "1";
  if (made10m) await exportOf(10_000_000, "export-10m.csv");
  if (existsSync(file10m)) {
    const result = await measure("at-scale", file10m);
    figures["ingest 10M: completes without running out of memory"] = goal(typeof result === "string" ? result : `${seconds(result.ms)}, ${result.maxRssMb} MB`, "completes", typeof result !== "string");
    if (made10m) rmSync(file10m, {force: true});
  } else figures["ingest 10M: completes without running out of memory"] = "not measured: set KV_BENCH_10M=1 (generates a 1,5 GB export in test/bench/data/ and removes it afterwards)";
  return figures;
}

/** Child process: one ingest, then its time and max RSS as JSON on stdout. */
async function child(mode: string, file: string, out: string): Promise<void> {
  const started = performance.now();
  if (mode === "in-memory") {
    const {ingest} = await import("../../loaders/pipeline/ingest.ts");
    await ingest(file, out);
  } else if (mode === "at-scale") {
    const {ingestAtScale} = await import("../../loaders/pipeline/ingest-at-scale.ts");
    await ingestAtScale(file, out);
  } else await nativeIngest(file, out);
  process.stdout.write(`${JSON.stringify({ms: Math.round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024)})}\n`);
}

/** The baseline: the same read, score and write in SQL only, trusting the export. */
async function nativeIngest(file: string, out: string): Promise<void> {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const {loadCodebook} = await import("../../loaders/codebook/load-codebook.ts");
  const {answersSelect, copyToParquet, respondentsSelect} = await import("../../loaders/pipeline/at-scale/write-tables.ts");
  const {itemsTable, responseOptionsTable} = await import("../../loaders/tables/survey-tables.ts");
  const {writeParquetTables} = await import("../../loaders/write/write-parquet.ts");
  const {readFileSync} = await import("node:fs");
  const codebook = loadCodebook();
  const header = readFileSync(file, "utf8").slice(0, 10_000).split("\n")[0].split(",");
  const items = new Set(codebook.items.map((i) => i.id));
  mkdirSync(out, {recursive: true});
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const types = header.map((name) => `'${name}': '${items.has(name) ? "TINYINT" : "VARCHAR"}'`).join(", ");
    await connection.run(`CREATE TABLE cells AS SELECT * FROM read_csv('${file}', header = true, auto_detect = false, columns = {${types}})`);
    const counts = Object.fromEntries((await connection.runAndReadAll("SELECT size_class, count(*) FROM cells GROUP BY ALL")).getRows().map(([h, n]) => [String(h), Number(n)]));
    const weights = Object.fromEntries(Object.entries(counts).map(([h, n]) => [h, codebook.population.size_class_counts[h] / n]));
    const respondents = Object.values(counts).reduce((a, b) => a + b, 0);
    await copyToParquet(connection, respondentsSelect(codebook, {respondents, weights}), join(out, "respondents.parquet"), {});
    await copyToParquet(connection, answersSelect(codebook, respondents), join(out, "answers.parquet"), {});
    await writeParquetTables([itemsTable(codebook), responseOptionsTable(codebook)], out);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (process.argv[2] === "--child" && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await child(process.argv[3], process.argv[4], process.argv[5]);
