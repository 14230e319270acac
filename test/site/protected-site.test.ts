// The site built in protected publication mode (the default for an export) from a real-looking export
// (test/site/protected-export.ts): answers that
// differ from the reconstruction, one size class x role group of 4. No real record reaches any built file, in any
// encoding the site uses; the story's tables are the real aggregates; the synthetic microdata give every one of
// them that is shown; the disclosure report is on /methode; every page and download says which data it holds.
import {mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join, relative} from "node:path";
import {csvParse, dsvFormat} from "d3-dsv";
import {unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {exportTables} from "../../loaders/pipeline/ingest.ts";
import {compareTables, itemRows} from "../../loaders/protect/disclosure.ts";
import {protectedTables, respondentRecords} from "../../loaders/protect/protected-tables.ts";
import {readExportSync} from "../../loaders/read/read-any.ts";
import type {ProtectedTables} from "../../src/components/story/engine-tables.ts";
import {readParquetRows} from "../../src/components/parquet.ts";
import {SYNTHETIC_PHRASE} from "../../src/components/survey/provenance.ts";
import {toRespondent, type Respondent} from "../../src/components/survey/respondent.ts";
import {launchBrowser, openPage, serveDist, type StaticServer} from "../browser/harness.ts";
import {PROTECTED_EXPORT_NAME, SMALL_GROUP, writeProtectedExport} from "./protected-export.ts";
import {buildExportSite, SITE_BUILD_TIMEOUT} from "./site-build.ts";
import {SUPPRESSED_TEXT} from "../../src/components/stats/suppression.ts";

let exportFile = "";
let dist = "";
let buildLog = "";
const codebook = loadCodebook();
const items = codebook.items.map((i) => i.id);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
const builtFile = (pattern: RegExp) => {
  const found = [...files(join(dist, "_file"))].filter((f) => pattern.test(basename(f)));
  expect(found, String(pattern)).toHaveLength(1);
  return found[0];
};

/** Item answers per row of a table with item columns, or per respondent of a long table (respondent_id, item_id, code). */
function recordsOf(rows: Record<string, unknown>[]): (number | null)[][] {
  const value = (v: unknown) => (v === null || v === undefined || v === "" ? null : Number(v));
  if (rows.length && items.some((id) => id in rows[0])) return rows.map((r) => items.map((id) => value(r[id])));
  if (rows.length && "item_id" in rows[0] && "code" in rows[0]) {
    const byRespondent = new Map<string, Record<string, unknown>>();
    for (const r of rows) byRespondent.set(String(r.respondent_id), {...byRespondent.get(String(r.respondent_id)), [String(r.item_id)]: r.code});
    return [...byRespondent.values()].map((r) => items.map((id) => value(r[id])));
  }
  return [];
}

/** The rows of every data file (Parquet, CSV, .sav, and each of them inside a zip), decoded as the site's users would. */
async function decodedRecords(name: string, bytes: Uint8Array): Promise<[string, (number | null)[][]][]> {
  if (name.endsWith(".zip")) {
    const out: [string, (number | null)[][]][] = [];
    for (const [entry, content] of Object.entries(unzipSync(bytes))) out.push(...(await decodedRecords(`${name}!${entry}`, content)));
    return out;
  }
  // A copy: a small file's Buffer lies in Node's shared pool, and Buffer#slice does not copy.
  if (name.endsWith(".parquet")) return [[name, recordsOf(await readParquetRows(new Uint8Array(bytes)))]];
  if (name.endsWith(".json")) {
    // Any object in a JSON file that is keyed by item ids, as a row would be serialised.
    const objects: Record<string, unknown>[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        const cells = items.filter((id) => id in value && (value as any)[id] !== null && typeof (value as any)[id] !== "object");
        if (cells.length > items.length / 2) objects.push(value as Record<string, unknown>);
        Object.values(value).forEach(walk);
      }
    };
    walk(JSON.parse(Buffer.from(bytes).toString("utf8")));
    return objects.length ? [[name, objects.map((o) => items.map((id) => (o[id] == null ? null : Number(o[id]))))]] : [];
  }
  if (name.endsWith(".csv")) {
    const text = Buffer.from(bytes).toString("utf8");
    return [[name, recordsOf((text.split("\n")[0].includes(";") ? dsvFormat(";").parse(text) : csvParse(text)) as Record<string, unknown>[])]];
  }
  if (name.endsWith(".sav")) {
    const path = join(mkdtempSync(join(tmpdir(), "kv-sav-")), "data.sav");
    writeFileSync(path, bytes);
    const table = readExportSync(path);
    return [[name, recordsOf(table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r.cells[i]]))))]];
  }
  return [];
}

/** A real record written as text: its item answers in order, separated as CSV, JSON or a spreadsheet would. */
function recordPattern(record: (number | null)[]): RegExp {
  return new RegExp(record.map((c) => (c == null ? "(?:|null|NA|NaN|\"\")" : `"?${c}"?`)).join("\\s*[,;\\t]\\s*"));
}

let real: Respondent[];
let realTables: ProtectedTables;
beforeAll(async () => {
  ({exportFile, dist, buildLog} = await buildExportSite("protected-site", PROTECTED_EXPORT_NAME, writeProtectedExport));
  real = respondentRecords((await exportTables(exportFile, {codebook, k: 1})).tables);
  realTables = protectedTables({respondents: real, codebook});
}, SITE_BUILD_TIMEOUT);

describe("a site built in protected publication mode", () => {
  test("the build prints the disclosure report", () => {
    expect(buildLog).toContain("Disclosure report (KV_PUBLICATION=protected)");
    expect(buildLog).toMatch(/not reproduced: 0\./);
  });

  test("no built file holds a real record: not in Parquet, CSV, .sav or zip rows, nor as text in JSON, HTML or JavaScript", async () => {
    const realRows = itemRows(real, codebook);
    const realSet = new Set(realRows.map((r) => JSON.stringify(r)));
    const patterns = realRows.map(recordPattern);
    const found: string[] = [];
    let decoded = 0;
    for (const path of files(dist)) {
      const name = relative(dist, path);
      const bytes = readFileSync(path);
      for (const [where, rows] of await decodedRecords(name, bytes)) {
        decoded += rows.length;
        for (const row of rows) if (realSet.has(JSON.stringify(row))) found.push(`${where}: ${row.join(",")}`);
      }
      const texts = name.endsWith(".zip") ? Object.values(unzipSync(bytes)).map((b) => Buffer.from(b).toString("utf8")) : /\.(json|html|js|csv|md|txt)$/.test(name) ? [bytes.toString("utf8")] : [];
      for (const text of texts) for (const pattern of patterns) if (pattern.test(text)) found.push(`${name}: ${pattern.source.slice(0, 60)}`);
    }
    expect(found).toEqual([]);
    // The search looked at rows: respondents and answers, as Parquet, CSV, .sav, on their own and in the zip.
    expect(decoded).toBeGreaterThan(6 * real.length);
  });

  test("the search finds real records where they are: in the export itself, as rows and as text", async () => {
    const realSet = new Set(itemRows(real, codebook).map((r) => JSON.stringify(r)));
    const [[, rows]] = await decodedRecords("export.csv", readFileSync(exportFile));
    expect(rows.filter((row) => realSet.has(JSON.stringify(row)))).toHaveLength(real.length);
    const text = readFileSync(exportFile, "latin1");
    expect(itemRows(real, codebook).filter((r) => recordPattern(r).test(text))).toHaveLength(real.length);
  });

  test("the story's tables are the real aggregates, suppressed exactly where the real responses require", () => {
    const built = JSON.parse(readFileSync(builtFile(/^protected-tables\.[0-9a-f]+\.json$/), "utf8")) as ProtectedTables;
    expect(built).toEqual(JSON.parse(JSON.stringify(realTables)));
  });

  test("the synthetic microdata (respondents.parquet) reproduce every unsuppressed number of the story's tables", async () => {
    const built = JSON.parse(readFileSync(builtFile(/^protected-tables\.[0-9a-f]+\.json$/), "utf8")) as ProtectedTables;
    const synthetic = (await readParquetRows(new Uint8Array(readFileSync(builtFile(/^respondents\.[0-9a-f]+\.parquet$/))))).map(toRespondent);
    expect(synthetic).toHaveLength(real.length);
    const {checked, mismatches} = compareTables(built, protectedTables({respondents: synthetic, codebook}));
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  test("every page's footer and every download says the data are protected or synthetic", () => {
    const pages = [...files(dist)].filter((f) => f.endsWith(".html"));
    for (const page of pages) expect(readFileSync(page, "utf8"), relative(dist, page)).toContain("Beschermde publicatie");
    const pkg = JSON.parse(readFileSync(builtFile(/^datapackage\.[0-9a-f]+\.json$/), "utf8"));
    expect(pkg.description).toContain(SYNTHETIC_PHRASE);
    const zip = unzipSync(readFileSync(builtFile(/^kennisverkenner-data\.[0-9a-f]+\.zip$/)));
    expect(Buffer.from(zip["README.md"]).toString("utf8")).toContain(SYNTHETIC_PHRASE);
    expect(readFileSync(builtFile(/^kennisverkenner\.[0-9a-f]+\.sav$/)).toString("utf8").replace(/\s+/g, " ")).toContain("Beschermde publicatie");
    expect(readFileSync(builtFile(/^respondents\.[0-9a-f]+\.parquet$/)).toString("utf8")).toContain('protected');
    const meta = JSON.parse(readFileSync(builtFile(/^survey-meta\.[0-9a-f]+\.json$/), "utf8"));
    expect(meta.provenance).toMatchObject({publication: "protected", fileName: PROTECTED_EXPORT_NAME, roleCounts: {}, syntheticRoleSplits: [SMALL_GROUP.size_class, ">100.000"]});
    expect(meta.provenance.hiddenSizeClasses).toBeUndefined();
  });
});

describe("protected publication in the browser", () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await serveDist(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("/methode shows the disclosure report; a chapter's banner says it shows protected tables", async () => {
    const {page, consoleErrors} = await openPage(browser, server.origin, "/methode");
    try {
      const report = page.locator("#openbaarmakingsrapport");
      await report.waitFor();
      expect(await report.innerText()).toContain(SYNTHETIC_PHRASE);
      expect(await page.locator("table", {hasText: "Onderdrukte cellen"}).innerText()).toMatch(/50\.001-100\.000\s+gemeentesecretaris\s+primair/);
      await page.goto(`${server.origin}/hoofdstuk/uitdaging`);
      const banner = page.locator(".data-notice").first();
      await banner.waitFor();
      expect(await banner.innerText()).toContain("beschermde tabellen");
      // One role: the size class with the group of 4 and the total are hidden, the other size classes shown.
      await page.getByRole("radio", {name: SMALL_GROUP.role, exact: true}).check();
      const figure = page.locator('figure[data-figure="Figuur 1"]');
      await expect.poll(() => figure.getAttribute("data-filter")).toContain("functie=");
      // The figure's table sits in a closed <details>: read its text, not what is rendered.
      const ownRow = await figure.locator("table tr", {hasText: SMALL_GROUP.size_class}).first().textContent();
      expect(ownRow).toContain(SUPPRESSED_TEXT);
      const otherRow = await figure.locator("table tr", {hasText: "25.001-50.000"}).first().textContent();
      expect(otherRow).not.toContain(SUPPRESSED_TEXT);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("/sql says that the synthetic rows split the size class the story shows only whole", async () => {
    const {page} = await openPage(browser, server.origin, "/sql");
    try {
      // The sentence is an inline expression of the page: it appears once the page's cells have run.
      await expect.poll(() => page.locator(".sql-caveat").innerText()).toContain(`Het verhaal toont gemeenten met ${SMALL_GROUP.size_class} en >100.000 inwoners niet bij elke vraag per functie`);
    } finally {
      await page.context().close();
    }
  });
});
