// A notebook exported as a Framework Markdown page builds with Framework, unchanged, and shows the same numbers and
// chart as the notebook. The export goes into a scratch project (test/.cache/notebook-export/, inside this project
// so that node_modules resolve): the page, the components it imports, and the survey's data files copied from the
// built site (no data loaders run), with a minimal config. Needs the built site for the data files.
import {cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {afterAll, beforeAll, expect, it} from "vitest";
import {DuckDBInstance} from "@duckdb/node-api";
import {distDir, launchBrowser, serveDist, type StaticServer} from "./harness.ts";
import {describeWith} from "../helpers/prerequisite.ts";
import {exportFramework} from "../../src/components/notebook/export-framework.ts";
import {parseNotebook} from "../../src/components/notebook/notebook.ts";
import {registerSurveyFunctions} from "../../src/components/notebook/survey-sql.ts";
import {NotebookRunner} from "../../src/components/notebook/runner.ts";
import {formatNumber} from "../../src/components/format.ts";
import {siteMeta} from "../../loaders/pipeline/site-data.ts";
import {nodeExecutor, type Rows} from "../components/notebook/node-executor.ts";
import type {Browser} from "playwright-core";

const meta = await siteMeta();
const scale = meta.scales[0].id;
const notebook = parseNotebook({
  version: 1,
  title: "Geëxporteerd notebook",
  cells: [
    {kind: "text", id: "t", markdown: "Gemiddelde per **grootteklasse**."},
    {kind: "input", id: "w", name: "gewogen", label: "Weging", control: "select", options: ["ja", "nee"], value: "ja"},
    {kind: "sql", id: "q", name: "per_klasse", sql: `FROM survey_mean_by('respondents', '${scale}', 'size_class')`},
    {kind: "sql", id: "r", name: "totaal", sql: "SELECT count(*)::INTEGER AS n, $gewogen AS gewogen FROM respondents"},
    {kind: "chart", id: "g", from: "per_klasse", mark: "mean-interval", x: "mean", y: "groep"}
  ]
});

const project = resolve("test/.cache/notebook-export");
const dataDir = join(distDir, "_file", "data", "site");
const built = existsSync(dataDir);
let server: StaticServer | undefined;
let browser: Browser | undefined;

/** A built data file by its source name (Framework puts the content hash before the last extension). */
function builtFile(folder: string, name: string): string {
  const [base, ext] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf(".") + 1)];
  const file = readdirSync(folder).find((f) => f.startsWith(`${base}.`) && new RegExp(`^[0-9a-f]+\\.${ext}$`).test(f.slice(base.length + 1)));
  if (!file) throw new Error(`no ${name} in ${folder}`);
  return join(folder, file);
}

/**
 * The scratch project: config, the exported page, the components, and the files the site's loaders make where they
 * put them (data/site/: the survey; data/duckdb/: DuckDB-WASM's worker and module).
 */
function scratchProject() {
  rmSync(project, {recursive: true, force: true});
  cpSync(resolve("src/components"), join(project, "src", "components"), {recursive: true, filter: (path) => !path.includes("prerender")});
  const files = {site: ["respondents.parquet", "answers.parquet", "items.parquet", "response_options.parquet", "survey-meta.json"], duckdb: ["duckdb-browser-eh.worker.js", "duckdb-eh.wasm.gz"]};
  for (const [folder, names] of Object.entries(files)) {
    mkdirSync(join(project, "src", "data", folder), {recursive: true});
    for (const name of names) cpSync(builtFile(join(distDir, "_file", "data", folder), name), join(project, "src", "data", folder, name));
  }
  writeFileSync(join(project, "observablehq.config.js"), `export default {title: "Export", root: "src", output: "dist", globalStylesheets: [], head: '<link rel="icon" href="data:,">', pages: [], search: false, pager: false};\n`);
  writeFileSync(join(project, "src", "index.md"), exportFramework(notebook));
}

beforeAll(async () => {
  if (!built) return;
  scratchProject();
  // asynchronously: a blocking build would stall the test runner's own messages for minutes
  await promisify(execFile)(resolve("node_modules/.bin/observable"), ["build"], {cwd: project, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}, timeout: 600_000, maxBuffer: 64 * 1024 * 1024});
  server = await serveDist(join(project, "dist"));
  browser = await launchBrowser();
}, 660_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeWith({present: built, missing: `no built site in ${distDir} (run npm run build)`})("a notebook exported as a Framework page", () => {
  it("builds with Framework and shows the notebook's numbers and chart", async () => {
    // the numbers as the notebook computes them, in node on the same Parquet files
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    for (const table of ["respondents", "answers", "items", "response_options"]) await connection.run(`CREATE TABLE ${table} AS FROM read_parquet('${join(project, "src", "data", "site", `${table}.parquet`)}')`);
    await registerSurveyFunctions((sql) => connection.run(sql), {population: meta.population.sizeClassCounts});
    const runner = new NotebookRunner<Rows>(nodeExecutor(connection));
    await runner.run(notebook);
    const state = runner.states.get("q")!;
    if (state.status !== "done") throw new Error(JSON.stringify(state));
    const expected = state.result!.filter((r) => r.mean !== null).map((r) => formatNumber(Number(r.mean), 3));
    expect(expected.length).toBeGreaterThan(1);

    const context = await browser!.newContext({viewport: {width: 1280, height: 900}, locale: "nl-NL"});
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("request", (r) => !r.url().startsWith(server!.origin) && !/^(data|blob):/.test(r.url()) && foreign.push(r.url()));
      await page.goto(`${server!.origin}/`);
      await page.waitForSelector('svg[aria-label="Grafiek van per_klasse"]', {timeout: 90_000});
      const text = await page.locator("main").innerText();
      for (const mean of expected) expect(text).toContain(mean);
      expect(await page.locator("main h1").innerText()).toBe("Geëxporteerd notebook");
      expect(text).toContain("Gemiddelde per grootteklasse.");
      expect(await page.locator('svg[aria-label="Grafiek van per_klasse"] circle, svg[aria-label="Grafiek van per_klasse"] path').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
      connection.closeSync();
    }
  });
});
