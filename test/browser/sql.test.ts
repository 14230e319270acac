// The SQL workbench (/sql) in headless chromium against the built site (dist/ or $KV_DIST):
// every example query gives the same result as @duckdb/node-api on the same Parquet files, and errors,
// cancelling, shared links, dropped files, exports, charts and history each have a test. What a query may reach
// outside the database is tested in sql-network.test.ts.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {parquetReadObjects} from "hyparquet";
import {axeFindings, distDir, launchBrowser, seriousAxeViolations, serveDist, type OpenedPage, type StaticServer} from "./harness.js";
import {finishedRuns, nextResult as nextPageResult, openWorkbench as openWorkbenchAt, typeAndRun as typeAndRunIn, workbenchValue} from "./workbench-page.js";
import {exampleQueries} from "../../src/components/sql/examples.js";
import {siteMeta} from "../../loaders/pipeline/site-data.ts";
import {sqlLink} from "../../src/components/sql/link.js";

let server: StaticServer;
let browser: Browser;
let opened: OpenedPage;
let page: Page;
let node: DuckDBConnection;

/** The example queries of the data the site is built from (the page makes them from its survey-meta.json). */
const examples = exampleQueries(await siteMeta());

const value = (p: Page = page) => workbenchValue(p);
const runs = (p: Page = page) => finishedRuns(p);
const nextResult = (before: number, p: Page = page) => nextPageResult(p, before);
const typeAndRun = (sql: string, p: Page = page) => typeAndRunIn(p, sql);
const openWorkbench = (path = "/sql") => openWorkbenchAt(browser, server.origin, path);

/** The Parquet file Framework copied into dist for `table` (name.hash.parquet). */
function distParquet(table: string): string {
  const folder = join(distDir, "_file", "data", "site");
  const file = readdirSync(folder).find((f) => f.startsWith(`${table}.`) && f.endsWith(".parquet"));
  if (!file) throw new Error(`no ${table}.*.parquet in ${folder}`);
  return join(folder, file);
}

/** Numbers as plain numbers (node gives BigInt for BIGINT, the page doubles), rounded to 9 decimals. */
const normalise = (rows: unknown[][]) => rows.map((row) => row.map((v) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  opened = await openWorkbench();
  page = opened.page;
  node = await (await DuckDBInstance.create(":memory:")).connect();
  for (const table of ["respondents", "answers", "items", "response_options"]) {
    await node.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet('${distParquet(table)}')`);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("/sql", () => {
  it("opens with Table 1 run, without errors, foreign requests or serious axe violations in the workbench", async () => {
    const first = await value();
    expect(first.sql).toContain("Tabel 1");
    expect(first.rows.map((r) => r[0])).toEqual(["<25.000", "25.001-50.000", "50.001-100.000", ">100.000", "Totaal"]);
    expect(await page.locator(".sql-table tbody tr").count()).toBe(5);
    expect(await page.locator(".sql-schema").textContent()).toContain("respondents");
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
    const all = await seriousAxeViolations(page);
    // Framework's sidebar (label inside <ol>, link contrast) and the site footer belong to the site-wide layout
    // (the site's global options); they are reported here and tested elsewhere.
    const inPage = await axeFindings(page);
    if (all.length) console.warn("axe, whole page (sidebar included):", all.map((v) => v.id).join(", "));
    expect(inPage).toEqual([]);
  });

  it.each(examples.map((e) => [e.id, e] as const))("example %s gives the same result in the page as in @duckdb/node-api", async (id, example) => {
    const before = await runs();
    await page.selectOption("#sql-example", id);
    const result = await nextResult(before);
    expect(result.error).toBeNull();
    const reader = await node.runAndReadAll(example.sql);
    expect(result.columns.map((c) => c.name)).toEqual(reader.columnNames());
    expect(normalise(result.rows)).toEqual(normalise(reader.getRowsJS() as unknown[][]));
    expect(result.rowCount).toBe(reader.currentRowCount);
  });

  it("shows a syntax error with DuckDB's message and position, marks it in the editor, and stays usable", async () => {
    const result = await typeAndRun("SELECT size_class\nFORM respondents");
    expect(result.error).toMatch(/^Parser Error \(regel 2, kolom \d+\): syntax error at or near "respondents"/);
    await expect.poll(() => page.locator(".sql-error").isVisible()).toBe(true);
    expect(await page.locator(".sql-error").textContent()).toContain("regel 2");
    expect(await page.locator(".cm-lintRange-error").textContent()).toBe("respondents");
    const next = await typeAndRun("SELECT count(*) AS n FROM respondents");
    expect(next.error).toBeNull();
    expect(await page.locator(".sql-error").isHidden()).toBe(true);
  });

  it("cancels a long query, and the next query runs at once", async () => {
    await page.click(".cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("SELECT sum(i * 2) AS s FROM range(5000000000) t(i)");
    const before = await runs();
    await page.keyboard.press("Control+Enter");
    await page.waitForTimeout(800);
    expect(await page.locator(".sql-status").textContent()).toBe("Bezig…");
    const started = Date.now();
    await page.getByRole("button", {name: "Afbreken"}).click();
    const cancelled = await nextResult(before);
    expect(cancelled.error).toBe("afgebroken");
    expect(Date.now() - started).toBeLessThan(5_000);
    const next = await typeAndRun("SELECT 42 AS antwoord");
    expect(next.rows).toEqual([[42]]);
  });

  it("runs only the selection with Ctrl+Enter", async () => {
    await page.click(".cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("SELECT 1 AS een;\nSELECT 2 AS twee");
    await page.keyboard.press("Control+End");
    for (let i = 0; i < "SELECT 2 AS twee".length; ++i) await page.keyboard.press("Shift+ArrowLeft");
    const before = await runs();
    await page.keyboard.press("Control+Enter");
    const result = await nextResult(before);
    expect(result.sql).toBe("SELECT 2 AS twee");
    expect(result.rows).toEqual([[2]]);
  });

  it("renders values as text, never as HTML", async () => {
    const result = await typeAndRun(`SELECT '<img src=x onerror="window.__xss = 1">' AS waarde`);
    expect(result.rows).toEqual([['<img src=x onerror="window.__xss = 1">']]);
    expect(await page.locator(".sql-table td").first().textContent()).toBe('<img src=x onerror="window.__xss = 1">');
    expect(await page.locator(".sql-table img").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  });

  it("refuses a query that would read from the internet, and points to the consent", async () => {
    const requestsBefore = opened.foreignRequests.length;
    const result = await typeAndRun("SELECT * FROM read_csv('https://example.org/data.csv')");
    expect(result.error).toContain("internet");
    expect(await page.locator(".sql-error").textContent()).toContain("Bestanden van internet toestaan");
    expect(opened.foreignRequests.length).toBe(requestsBefore);
  });

  it("keeps the query in the URL: a shared link reopens and reruns it", async () => {
    const sql = "SELECT size_class, count(*) AS n FROM respondents GROUP BY size_class ORDER BY size_class";
    await typeAndRun(sql);
    expect(new URL(page.url()).searchParams.get("q")).toBe(sql);
    const shared = await openWorkbench(sqlLink(sql));
    const result = await value(shared.page);
    expect(result.sql).toBe(sql);
    expect(result.rows.length).toBe(4);
    expect(await shared.page.locator(".cm-content").textContent()).toBe(sql);
    await shared.page.close();
  });

  it("keeps the last queries in localStorage and lists them after a reload", async () => {
    await typeAndRun("SELECT 'geschiedenis' AS test");
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("kennisverkenner.sql.history") ?? "[]"));
    expect(stored[0].sql).toBe("SELECT 'geschiedenis' AS test");
    expect(stored.length).toBeLessThanOrEqual(50);
    await page.reload();
    await page.waitForFunction(() => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0) > 0, null, {timeout: 90_000});
    expect(await page.locator(".sql-history").textContent()).toContain("SELECT 'geschiedenis' AS test");
  });

  it("queries a dropped CSV file beside the survey tables, and a picked Parquet file", async () => {
    const csv = 'gemeente,score\nAmersfoort,2.5\n"Den Bosch, \'s-Hertogenbosch",3\n';
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "Mijn gemeenten.csv", {type: "text/csv"}));
      return data;
    }, csv);
    await page.dispatchEvent(".sql-drop", "drop", {dataTransfer: transfer});
    await expect.poll(() => page.locator(".sql-drop-status").textContent(), {timeout: 30_000}).toContain("tabel mijn_gemeenten");
    expect(await page.locator(".sql-schema").textContent()).toContain("mijn_gemeenten");
    const joined = await typeAndRun("SELECT m.gemeente, m.score, (SELECT count(*) FROM respondents) AS respondenten FROM mijn_gemeenten m ORDER BY m.score");
    expect(joined.rows.map((r) => r.slice(0, 2))).toEqual([["Amersfoort", 2.5], ["Den Bosch, 's-Hertogenbosch", 3]]);

    await node.run("COPY (SELECT range AS i, 'rij ' || range AS naam FROM range(3)) TO '/tmp/kv-sql-drop.parquet' (FORMAT parquet)");
    await page.setInputFiles("#sql-file", {name: "drie rijen.parquet", mimeType: "application/octet-stream", buffer: readFileSync("/tmp/kv-sql-drop.parquet")});
    await expect.poll(() => page.locator(".sql-drop-status").textContent(), {timeout: 30_000}).toContain("tabel drie_rijen");
    const parquet = await typeAndRun("SELECT * FROM drie_rijen ORDER BY i");
    expect(parquet.rows).toEqual([[0, "rij 0"], [1, "rij 1"], [2, "rij 2"]]);
    expect(opened.foreignRequests).toEqual([]);
  });

  it("exports CSV and Parquet, copies Markdown, and charts the result", async () => {
    await typeAndRun("SELECT size_class, round(avg(beschikbaarheid), 2) AS gemiddelde FROM respondents GROUP BY size_class ORDER BY size_class");
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download CSV"}).click()]);
    const csv = readFileSync((await csvDownload.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("size_class,gemiddelde");
    expect(csv.trim().split("\r\n")).toHaveLength(5);
    const [parquetDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download Parquet"}).click()]);
    const bytes = readFileSync((await parquetDownload.path())!);
    const rows = await parquetReadObjects({file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)});
    expect(rows.map((r) => r.size_class)).toEqual(["25.001-50.000", "50.001-100.000", "<25.000", ">100.000"]);
    await page.getByRole("button", {name: "Kopieer als Markdown"}).click();
    await expect.poll(() => page.evaluate(() => (document.querySelector(".sql-workbench") as HTMLElement).dataset.copied)).toBeTruthy();
    const markdown = await page.evaluate(() => (document.querySelector(".sql-workbench") as HTMLElement).dataset.copied);
    expect(markdown?.split("\n")[0]).toBe("| size_class | gemiddelde |");
    expect(markdown).toMatch(/\| <25\.000 \| \d,\d+ \|/);
    await page.getByRole("button", {name: "Maak een grafiek"}).click();
    await expect.poll(() => page.locator(".sql-chart svg[role=img]").count()).toBeGreaterThan(0);
    expect(await page.locator("#sql-chart-mark").inputValue()).toBe("bar");
    await page.selectOption("#sql-chart-mark", "count");
    await expect.poll(() => page.locator(".sql-chart figcaption").textContent()).toContain("gereconstrueerde antwoorden");
  });

  it("exports what is safe to open: formula cells neutralised in CSV, HTML escaped in Markdown", async () => {
    await typeAndRun(`SELECT '=HYPERLINK("http://x","klik")' AS cel, -0.5 AS getal, '<img src=x onerror=alert(1)>' AS html UNION ALL SELECT '-0,5', 2, 'R&D'`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download CSV"}).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toBe(`cel,getal,html\r\n"'=HYPERLINK(""http://x"",""klik"")",-0.5,<img src=x onerror=alert(1)>\r\n"-0,5",2,R&D\r\n`);
    await page.getByRole("button", {name: "Kopieer als Markdown"}).click();
    await expect.poll(() => page.evaluate(() => (document.querySelector(".sql-workbench") as HTMLElement).dataset.copied)).toContain("&lt;img");
    const markdown = await page.evaluate(() => (document.querySelector(".sql-workbench") as HTMLElement).dataset.copied);
    expect(markdown).toContain("| =HYPERLINK(\"http://x\",\"klik\") | -0,5 | &lt;img src=x onerror=alert(1)> |");
  });

  it("writes a CSV of two million rows in pieces, with progress, and asks before such a Parquet file", async () => {
    const result = await typeAndRun("SELECT range AS i, 'rij ' || range AS naam FROM range(2000000)");
    expect(result.rowCount).toBe(2_000_000);
    const downloaded = page.waitForEvent("download", {timeout: 120_000});
    await page.getByRole("button", {name: "Download CSV"}).click();
    // The progress bar moves while the rows arrive: the page is drawn between the pieces, so it is not frozen.
    await page.waitForFunction(() => {
      const bar = document.querySelector(".sql-export-progress progress") as HTMLProgressElement | null;
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    }, null, {timeout: 60_000});
    const csv = readFileSync((await (await downloaded).path())!, "utf8");
    const lines = csv.split("\r\n");
    expect(lines.length).toBe(2_000_002); // header, two million rows, and the empty string after the last line end
    expect(lines[0]).toBe("i,naam");
    expect(lines[2_000_000]).toBe("1999999,rij 1999999");
    await expect.poll(() => page.locator(".sql-status").textContent()).toBe("2.000.000 rijen als CSV geschreven.");
    await page.getByRole("button", {name: "Download Parquet"}).click();
    expect(await page.locator(".sql-export-warning").textContent()).toContain("Dit resultaat heeft 2.000.000 rijen.");
    await page.getByRole("button", {name: "Niet nu"}).click();
    expect(await page.getByRole("button", {name: "Download Parquet"}).isVisible()).toBe(true);
  });

  it("pages through a million-row result while counting all rows", async () => {
    const result = await typeAndRun("SELECT range AS i, range % 7 AS rest FROM range(1000000)");
    expect(result.rowCount).toBe(1_000_000);
    expect(result.rows.length).toBe(10_000);
    expect(await page.locator(".sql-table tbody tr").count()).toBe(50);
    expect(await page.locator(".sql-result-info").textContent()).toContain("1.000.000 rijen");
    await page.getByRole("button", {name: "Volgende"}).click();
    expect(await page.locator(".sql-table tbody tr td").first().textContent()).toBe("50");
  });

  it("answers group-bys over the survey tables (timing: npm run bench -- sql-survey)", async () => {
    // Speed is measured in the benchmark, not asserted here; this checks the answers.
    const byClass = await typeAndRun("SELECT size_class, role, count(*) AS n FROM respondents GROUP BY ALL ORDER BY ALL -- per groep");
    expect(byClass.error).toBeNull();
    expect(byClass.rows.length).toBe(8);
    expect(byClass.rows.reduce((a, r) => a + Number(r[2]), 0)).toBe(107);
    const byItem = await typeAndRun("SELECT item_id, count(*) AS n FROM answers GROUP BY ALL ORDER BY ALL -- per vraag");
    expect(byItem.rows.length).toBe(47);
    console.log(`group-by on the survey tables: ${byClass.elapsedMs.toFixed(1)} ms and ${byItem.elapsedMs.toFixed(1)} ms`);
  });

  it("is usable from the keyboard: Tab from the example menu reaches the editor, Tab again the run button", async () => {
    await page.focus("#sql-example");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("SQL-query");
    // The editor does not trap Tab (indenting is Ctrl+]), so Tab moves on.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Uitvoeren");
    const before = await runs();
    await page.keyboard.press("Enter");
    expect((await nextResult(before)).error).toBeNull();
  });
});
