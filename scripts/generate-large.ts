// Generates a synthetic survey with the exact schema of src/data/*.parquet (see docs/TEAM-NOTES.md),
// for benchmarks (a million respondents) and for tests that need data before the real files exist.
// The answers are random: nothing here resembles the report's numbers. Never commit the output.
//
//   npx tsx scripts/generate-large.ts [respondents=1000000] [outDir=.bench/large]
//
// writes respondents.parquet, answers.parquet, items.parquet, response_options.parquet and respondents.csv.
//
//   npx tsx scripts/generate-large.ts --export [respondents=1000000] [file=.bench/large/export.csv]
//
// writes a survey tool's export instead (the input of `npm run ingest`): respondent_id, size_class, role, functie
// and the 47 items as answer codes, empty when unanswered.
import {readFileSync, mkdirSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";

interface CodebookItem {
  id: string;
  section: string;
  figure: string;
  response_scale: string;
  topic: string;
  scale: string | null;
  text_nl: string;
  label_en: string;
}

interface Codebook {
  background?: {id: string; values: string[]}[];
  population: {size_class_counts: Record<string, number>};
  response_scales: Record<string, {options: {code: number; label: string}[]}>;
  items: CodebookItem[];
  scales: {id: string}[];
}

export function readCodebook(path = resolve(fileURLToPath(import.meta.url), "../../data/codebook.json")): Codebook {
  return JSON.parse(readFileSync(path, "utf8"));
}

const literal = (value: string | number | null) => (value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`);

/**
 * Creates the tables respondents, answers, items and response_options on `connection`.
 * Options: `respondents` (default 107), `seed` (default 0.42, between -1 and 1), `missing` share of unanswered items (default 0.05),
 * `answers` (default true) whether to build the long answers table (47 rows per respondent; benchmarks skip it).
 * Runs single-threaded so that the same seed gives the same data.
 */
export async function generateSurvey(connection: DuckDBConnection, {respondents = 107, seed = 0.42, missing = 0.05, answers = true, codebook = readCodebook()} = {}): Promise<void> {
  const {items, response_scales: scales} = codebook;
  const population = codebook.population.size_class_counts;
  const sizeClasses = Object.keys(population);
  const total = Object.values(population).reduce((a, b) => a + b, 0);
  await connection.run("SET threads = 1");
  await connection.run(`SELECT setseed(${seed})`);
  // Size classes in proportion to the population; each item uniform over its answer codes, some unanswered.
  let cumulative = 0;
  const sizeCase = sizeClasses
    .map((size) => `WHEN u_size < ${(cumulative += population[size]) / total} THEN ${literal(size)}`)
    .join(" ");
  const itemColumns = items.map((item) => {
    const codes = scales[item.response_scale].options.map((o) => o.code);
    const low = Math.min(...codes);
    const count = codes.length;
    return `CASE WHEN random() < ${missing} THEN NULL ELSE CAST(${low} + floor(random() * ${count}) AS INTEGER) END AS ${item.id}`;
  });
  const width = Math.max(3, String(respondents).length);
  await connection.run(`CREATE OR REPLACE TEMP TABLE generated AS
    SELECT 'r' || lpad(CAST(i + 1 AS VARCHAR), ${width}, '0') AS respondent_id,
      CASE ${sizeCase} ELSE ${literal(sizeClasses.at(-1)!)} END AS size_class,
      CASE WHEN u_role < 0.4 THEN 'gemeentesecretaris' ELSE 'andere functie' END AS role,
      ${itemColumns.join(",\n      ")}
    FROM (SELECT i, random() AS u_size, random() AS u_role FROM range(${respondents}) t(i))`);
  // Scale score = mean of its items when all are answered; weight = population / sample per size class.
  const scaleColumns = codebook.scales.map(({id}) => {
    const members = items.filter((i) => i.scale === id).map((i) => i.id);
    return `CASE WHEN ${members.map((m) => `${m} IS NOT NULL`).join(" AND ")} THEN (${members.join(" + ")}) / ${members.length}.0 END AS ${id}`;
  });
  const populationValues = sizeClasses.map((s) => `(${literal(s)}, ${population[s]})`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE respondents AS
    SELECT g.respondent_id, g.size_class, g.role,
      CAST(p.population AS DOUBLE) / count(*) OVER (PARTITION BY g.size_class) AS weight,
      ${items.map((i) => `g.${i.id}`).join(", ")},
      ${scaleColumns.join(",\n      ")}
    FROM generated g JOIN (VALUES ${populationValues}) p(size_class, population) USING (size_class)
    ORDER BY g.respondent_id`);
  const itemRows = items.map((item, order) =>
    `(${[item.id, item.section, item.scale, item.text_nl, item.label_en, item.response_scale, item.topic, item.figure].map(literal).join(", ")}, ${order + 1})`
  );
  await connection.run(`CREATE OR REPLACE TABLE items AS SELECT * FROM (VALUES ${itemRows.join(", ")})
    t(item_id, section, scale, text_nl, label_en, response_scale, topic, figure, item_order)`);
  const optionRows = Object.entries(scales).flatMap(([scale, {options}]) => options.map((o) => `(${literal(scale)}, ${o.code}, ${literal(o.label)})`));
  await connection.run(`CREATE OR REPLACE TABLE response_options AS SELECT scale AS response_scale, CAST(code AS INTEGER) AS code, label
    FROM (VALUES ${optionRows.join(", ")}) t(scale, code, label)`);
  if (!answers) {
    await connection.run("RESET threads");
    return;
  }
  await connection.run(`CREATE OR REPLACE TABLE answers AS
    SELECT u.respondent_id, u.item_id, u.code, o.label
    FROM (UNPIVOT (SELECT respondent_id, ${items.map((i) => i.id).join(", ")} FROM respondents)
          ON ${items.map((i) => i.id).join(", ")} INTO NAME item_id VALUE code) u
    JOIN items i USING (item_id)
    JOIN response_options o ON o.response_scale = i.response_scale AND o.code = u.code
    ORDER BY u.respondent_id, i.item_order`);
  await connection.run("RESET threads");
}

/** Writes the tables as snappy Parquet (as the data loaders do) and respondents also as CSV. */
export async function writeSurvey(connection: DuckDBConnection, outDir: string, {csv = true, tables = ["respondents", "answers", "items", "response_options"]} = {}): Promise<void> {
  mkdirSync(outDir, {recursive: true});
  for (const table of tables) {
    await connection.run(`COPY ${table} TO '${resolve(outDir, `${table}.parquet`)}' (FORMAT parquet, COMPRESSION snappy)`);
  }
  if (csv) await connection.run(`COPY respondents TO '${resolve(outDir, "respondents.csv")}' (FORMAT csv, HEADER)`);
}

/**
 * Writes a generated survey as an export in the codebook's columns (what a survey tool delivers and `npm run ingest`
 * reads): ids "EAS-00000001", ..., functie (a withheld background variable) filled for "andere functie" only.
 */
export async function writeExport(file: string, {respondents = 107, seed = 0.42, missing = 0.05, codebook = readCodebook()} = {}): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await generateSurvey(connection, {respondents, seed, missing, answers: false, codebook});
    const functions = codebook.background?.find((b) => b.id === "functie")?.values ?? [];
    const functie = functions.length
      ? `CASE WHEN role = 'andere functie' THEN (${literal(JSON.stringify(functions))}::JSON ->> CAST(floor(random() * ${functions.length}) AS INTEGER)) END`
      : "NULL";
    mkdirSync(dirname(resolve(file)), {recursive: true});
    await connection.run("SET threads = 1");
    await connection.run(`COPY (SELECT 'EAS-' || lpad(CAST(row_number() OVER () AS VARCHAR), 8, '0') AS respondent_id, size_class, role,
        ${functie} AS functie, ${codebook.items.map((i) => i.id).join(", ")}
      FROM (SELECT * FROM generated ORDER BY respondent_id)) TO ${literal(resolve(file))} (FORMAT csv, HEADER)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === "--export") {
  const respondents = Number(process.argv[3] ?? 1_000_000);
  const file = resolve(process.argv[4] ?? ".bench/large/export.csv");
  const started = performance.now();
  await writeExport(file, {respondents});
  process.stderr.write(`export of ${respondents} respondents written to ${file} in ${Math.round(performance.now() - started)} ms\n`);
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const respondents = Number(process.argv[2] ?? 1_000_000);
  const outDir = resolve(process.argv[3] ?? ".bench/large");
  const started = performance.now();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await generateSurvey(connection, {respondents});
  await writeSurvey(connection, outDir);
  process.stderr.write(`${respondents} respondents written to ${outDir} in ${Math.round(performance.now() - started)} ms\n`);
}
