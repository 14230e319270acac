// The notebook page (/notebook) in headless chromium against the built site: cells of four kinds added with the
// keyboard and the mouse, two named queries and a chart chained, an input change re-runs exactly its dependants,
// a shared link reopens the same notebook, hostile links and files run nothing, old /sql?q= links open as a
// one-cell notebook, DuckDB loads only when a cell runs (not for a notebook of text), and axe finds nothing serious.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readFile} from "node:fs/promises";
import type {Page} from "playwright-core";
import {axeFindings, openPage, useBuiltSite} from "./harness.ts";
import {cellRows, cellSelector, cellStatus, nextNotebookRun, notebookRuns, openNotebook, typeInCell} from "./notebook-page.ts";
import {decodeNotebook, notebookLink} from "../../src/components/notebook/share.ts";
import {parseNotebook, type Notebook} from "../../src/components/notebook/notebook.ts";
import {sqlLink} from "../../src/components/sql/link.ts";
import {siteMeta} from "../../loaders/pipeline/site-data.ts";

const site = useBuiltSite({beforeAll, afterAll});
const meta = await siteMeta();
const [small, large] = [meta.sizeClasses[0], meta.sizeClasses[meta.sizeClasses.length - 1]];

const chain: Notebook = parseNotebook({
  version: 1,
  title: "Keten",
  cells: [
    {kind: "text", id: "t", markdown: "Een **keten** van cellen."},
    {kind: "input", id: "i", name: "grootte", label: "Gemeentegrootte", control: "select", options: meta.sizeClasses, value: small},
    {kind: "sql", id: "a", name: "gekozen", sql: "FROM respondents WHERE size_class = $grootte"},
    {kind: "sql", id: "b", name: "per_functie", sql: "SELECT role, count(*)::INTEGER AS n FROM gekozen GROUP BY ALL ORDER BY ALL"},
    {kind: "chart", id: "g", from: "per_functie", mark: "bar", x: "role", y: "n"},
    {kind: "sql", id: "c", name: "alles", sql: "SELECT count(*)::INTEGER AS n FROM respondents"}
  ]
});

const count = (rows: string[][]) => rows.slice(1).reduce((sum, r) => sum + Number(r[1].replace(/\./g, "")), 0);

describe("/notebook", () => {
  it("opens the first teaching notebook with every cell run, no errors, no foreign requests and nothing serious for axe", async () => {
    const {page, consoleErrors, foreignRequests} = await openNotebook(site.browser, site.origin, "/notebook");
    try {
      expect(await page.locator(".notebook-cell").count()).toBeGreaterThanOrEqual(4);
      for (const status of await page.locator(".notebook-cell-status").allInnerTexts()) expect(status).toMatch(/^Klaar/);
      expect(await page.locator(`.notebook-cell[data-kind="chart"] svg`).count()).toBeGreaterThan(0);
      expect(await page.locator(".notebook-status").innerText()).toMatch(/cellen uitgevoerd/);
      expect(await axeFindings(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("loads DuckDB only when a cell must run, with a progress bar", async () => {
    const textOnly = parseNotebook({version: 1, title: "Alleen tekst", cells: [{kind: "text", id: "t", markdown: "Nog geen SQL."}]});
    const {page} = await openNotebook(site.browser, site.origin, textOnly);
    const wasm: string[] = [];
    page.on("request", (r) => /duckdb-eh\.wasm(\.[0-9a-f]+)?(\.gz)?$/.test(r.url()) && wasm.push(r.url()));
    try {
      expect(await page.locator(".notebook-loading progress").isVisible()).toBe(true);
      expect(await page.locator(".notebook-loading").innerText()).toContain("De database start pas als er een cel moet draaien.");
      expect(wasm).toEqual([]);
      // not even DuckDB-WASM's JavaScript was fetched while the notebook had no SQL cell
      expect(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /duckdb/.test(e.name)).length)).toBe(0);
      const before = await notebookRuns(page);
      await page.getByRole("button", {name: "SQL-cel toevoegen"}).click();
      await nextNotebookRun(page, before);
      expect(wasm.length).toBe(1);
      expect(await page.locator(".notebook-loading").isHidden()).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it("adds cells of four kinds, chains two named queries and a chart, by mouse and keyboard", async () => {
    const start = parseNotebook({version: 1, title: "Nieuw", cells: [{kind: "sql", id: "q1", name: "tabel1", sql: "SELECT size_class, count(*)::INTEGER AS n FROM respondents GROUP BY ALL ORDER BY ALL"}]});
    const {page, consoleErrors} = await openNotebook(site.browser, site.origin, start);
    try {
      const first = await cellRows(page, "q1");
      expect(count(first)).toBeGreaterThan(0);
      // a SQL cell by keyboard: Tab to the button, Enter
      await page.getByRole("button", {name: "SQL-cel toevoegen"}).focus();
      let before = await notebookRuns(page);
      await page.keyboard.press("Enter");
      await nextNotebookRun(page, before);
      const second = await page.locator(".notebook-cell").nth(1).getAttribute("data-cell-id");
      await typeInCell(page, second!, "SELECT size_class, n * 2 AS dubbel FROM tabel1 ORDER BY size_class");
      const doubled = await cellRows(page, second!);
      expect(doubled[0]).toEqual(["size_class", "dubbel"]);
      expect(doubled.slice(1).map((r) => Number(r[1]))).toEqual(first.slice(1).map((r) => 2 * Number(r[1])));
      // a chart of the second result, configured with the form
      before = await notebookRuns(page);
      await page.getByRole("button", {name: "Grafiek-cel toevoegen"}).click();
      await nextNotebookRun(page, before);
      const chart = cellSelector((await page.locator(".notebook-cell").nth(2).getAttribute("data-cell-id"))!);
      expect(await page.locator(`${chart} select`).first().inputValue()).toBe("tabel2");
      before = await notebookRuns(page);
      await page.locator(`${chart} select`).nth(3).selectOption("dubbel");
      await nextNotebookRun(page, before);
      expect(await page.locator(`${chart} svg[aria-label="Grafiek van tabel2"]`).count()).toBe(1);
      expect(await page.locator(`${chart} svg rect`).count()).toBeGreaterThanOrEqual(first.length - 1);
      for (const name of ["Tekst-cel toevoegen", "Invoer-cel toevoegen"]) {
        before = await notebookRuns(page);
        await page.getByRole("button", {name}).click();
        await nextNotebookRun(page, before);
      }
      expect(await page.$$eval(".notebook-cell", (cells) => cells.map((c) => (c as HTMLElement).dataset.kind))).toEqual(["sql", "sql", "chart", "text", "input"]);
      // move the input to the top with Alt+ArrowUp, four times
      const input = (await page.locator(".notebook-cell").nth(4).getAttribute("data-cell-id"))!;
      await page.locator(`${cellSelector(input)} select`).first().focus();
      for (let k = 0; k < 4; k++) await page.keyboard.press("Alt+ArrowUp");
      expect((await page.$$eval(".notebook-cell", (cells) => cells.map((c) => (c as HTMLElement).dataset.kind)))[0]).toBe("input");
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("changing an input re-runs exactly the cells that depend on it, in order", async () => {
    const {page} = await openNotebook(site.browser, site.origin, chain);
    try {
      const untouched = await page.locator(cellSelector("c")).getAttribute("data-runs");
      const smallRows = await cellRows(page, "b");
      const before = await notebookRuns(page);
      await page.getByLabel("Gemeentegrootte").selectOption({label: large});
      await nextNotebookRun(page, before);
      expect(await page.locator(".notebook").getAttribute("data-last-ran")).toBe("i a b g");
      expect(await page.locator(cellSelector("c")).getAttribute("data-runs")).toBe(untouched);
      const largeRows = await cellRows(page, "b");
      expect(largeRows).not.toEqual(smallRows);
      expect(await page.locator(".notebook-status").getAttribute("aria-live")).toBe("polite");
    } finally {
      await page.context().close();
    }
  });

  it("a shared link reopens the same notebook with the same results", async () => {
    const {page} = await openNotebook(site.browser, site.origin, chain);
    let link: string;
    let rows: string[][];
    try {
      const before = await notebookRuns(page);
      await page.getByLabel("Gemeentegrootte").selectOption({label: large});
      await nextNotebookRun(page, before);
      await typeInCell(page, "c", "SELECT count(*)::INTEGER AS aantal FROM respondents WHERE size_class <> $grootte");
      await page.getByRole("button", {name: "Link kopiëren"}).click();
      link = (await page.locator(".notebook").getAttribute("data-link"))!;
      rows = await cellRows(page, "c");
    } finally {
      await page.context().close();
    }
    const shared = decodeNotebook(new URL(link).hash.slice("#nb=".length));
    expect(shared.cells.find((c) => c.id === "i")).toMatchObject({value: large});
    expect(shared.cells.find((c) => c.id === "c")).toMatchObject({sql: "SELECT count(*)::INTEGER AS aantal FROM respondents WHERE size_class <> $grootte"});
    const reopened = await openNotebook(site.browser, site.origin, new URL(link).pathname + new URL(link).hash);
    try {
      expect(await cellRows(reopened.page, "c")).toEqual(rows);
      expect(await reopened.page.getByLabel("Gemeentegrootte").inputValue()).toBe(String(meta.sizeClasses.length - 1));
      expect(await reopened.page.locator("#nb-title").inputValue()).toBe("Keten");
    } finally {
      await reopened.page.context().close();
    }
  });

  it("exports each result as CSV and Parquet, and the notebook as a Framework page and a .sql script", async () => {
    const {page} = await openNotebook(site.browser, site.origin, chain);
    const download = async (click: () => Promise<void>) => {
      const [file] = await Promise.all([page.waitForEvent("download"), click()]);
      return {name: file.suggestedFilename(), bytes: await readFile((await file.path())!)};
    };
    try {
      const rows = await cellRows(page, "b");
      const csv = await download(() => page.locator(`${cellSelector("b")} button`, {hasText: "Download CSV"}).click());
      expect(csv.name).toBe("per_functie.csv");
      const lines = csv.bytes.toString("utf8").trim().split("\r\n");
      expect(lines[0]).toBe("role,n");
      expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(rows.slice(1).map((r) => r[0]));
      const parquet = await download(() => page.locator(`${cellSelector("b")} button`, {hasText: "Download Parquet"}).click());
      expect(parquet.name).toBe("per_functie.parquet");
      expect(parquet.bytes.subarray(0, 4).toString()).toBe("PAR1");
      const framework = await download(() => page.getByRole("button", {name: "Framework-pagina (.md)"}).click());
      expect(framework.name).toBe("keten.md");
      expect(framework.bytes.toString("utf8")).toContain('const per_functie = await runCell(run, notebook, "per_functie", {});');
      const script = await download(() => page.getByRole("button", {name: "SQL-script (.sql)"}).click());
      expect(script.name).toBe("keten.sql");
      expect(script.bytes.toString("utf8")).toContain("CREATE OR REPLACE TEMP TABLE per_functie AS");
      const file = await download(() => page.getByRole("button", {name: "Opslaan als bestand (.kvnb.json)"}).click());
      expect(file.name).toBe("keten.kvnb.json");
      expect(parseNotebook(file.bytes.toString("utf8"))).toEqual(chain);
    } finally {
      await page.context().close();
    }
  });

  it("old /sql?q= links keep working in the workbench and open as a one-cell notebook", async () => {
    const sql = "SELECT 6 * 7 AS antwoord";
    const {page} = await openNotebook(site.browser, site.origin, sqlLink(sql, {page: "/notebook"}));
    try {
      expect(await page.locator(".notebook-cell").count()).toBe(1);
      expect(await cellRows(page, "q1")).toEqual([["antwoord"], ["42"]]);
    } finally {
      await page.context().close();
    }
    const workbench = await openPage(site.browser, site.origin, sqlLink(sql));
    try {
      await workbench.page.waitForFunction(() => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0) > 0, null, {timeout: 90_000});
      expect((await workbench.page.evaluate(() => (document.querySelector(".sql-workbench") as any).value)).rows).toEqual([[42]]);
      await workbench.page.getByRole("button", {name: "Open als notebook"}).click();
      await workbench.page.waitForURL(/\/notebook#nb=/);
      await nextNotebookRun(workbench.page, 0);
      expect(await cellRows(workbench.page, "q1")).toEqual([["antwoord"], ["42"]]);
    } finally {
      await workbench.page.context().close();
    }
  });
});

describe("/notebook with a hostile link or file", () => {
  const html = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"><a href="javascript:window.pwned=3">x</a><iframe src="javascript:window.pwned=4"></iframe>`;
  const hostile = parseNotebook({
    version: 1,
    title: `${html}`,
    cells: [
      {kind: "text", id: "t", markdown: `${html}\n\n[klik](javascript:window.pwned=5) ![plaatje](http://127.0.0.2/x.png)`},
      {kind: "input", id: "i", name: "keuze", label: html, control: "select", options: [html, `"><img src=x onerror=window.pwned=6>`], value: html},
      {kind: "sql", id: "q", name: "tabel1", sql: `SELECT $keuze AS k, '${html.replace(/'/g, "''")}' AS s -- ${html}`},
      {kind: "chart", id: "g", from: "tabel1", mark: "bar", x: "s", y: "k"}
    ]
  });

  /** Nothing ran: no global set, no dialog, no element that runs code or loads from elsewhere inside the notebook. */
  async function expectInert(page: Page, dialogs: string[], foreign: string[]) {
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await page.locator(".notebook script, .notebook img, .notebook iframe, .notebook object, .notebook embed").count()).toBe(0);
    expect(await page.$$eval(".notebook *", (elements) => elements.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on") || /^\s*javascript:/i.test(a.value)).map((a) => `${e.tagName} ${a.name}`)))).toEqual([]);
  }

  it("a link with <script>, <img onerror>, javascript: and HTML in every cell, name and value runs nothing", async () => {
    const {page, foreignRequests} = await openNotebook(site.browser, site.origin, hostile);
    const dialogs: string[] = [];
    page.on("dialog", (d) => void dialogs.push(d.message()));
    try {
      expect(await cellStatus(page, "q")).toBe("Klaar: 1 rij.");
      expect(await cellRows(page, "q")).toEqual([["k", "s"], [html, html]]);
      await expectInert(page, dialogs, foreignRequests);
    } finally {
      await page.context().close();
    }
  });

  it("a link whose name holds HTML opens nothing and says why; a hostile .kvnb.json file runs nothing", async () => {
    const raw = JSON.stringify({version: 1, title: "x", cells: [{kind: "sql", id: "q", name: "<img src=x onerror=window.pwned=7>", sql: "SELECT 1"}]});
    const {deflateSync, strToU8} = await import("fflate");
    const text = Buffer.from(deflateSync(strToU8(raw))).toString("base64url");
    const {page, foreignRequests} = await openNotebook(site.browser, site.origin, `/notebook#nb=${text}`);
    const dialogs: string[] = [];
    page.on("dialog", (d) => void dialogs.push(d.message()));
    try {
      expect(await page.locator(".notebook-alert").innerText()).toMatch(/Deze link bevat geen notebook dat geopend kan worden: .*naam/);
      await expectInert(page, dialogs, foreignRequests);
      const before = await notebookRuns(page);
      await page.locator("#nb-file").setInputFiles({name: "kwaad.kvnb.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile))});
      await nextNotebookRun(page, before);
      expect(await page.locator("#nb-title").inputValue()).toBe(html);
      expect(await cellRows(page, "q")).toEqual([["k", "s"], [html, html]]);
      await expectInert(page, dialogs, foreignRequests);
    } finally {
      await page.context().close();
    }
  });
});
