// Browser tests for the story pages, against the built site ($KV_DIST or dist/): every page loads cleanly and
// offline, passes axe, filters recompute and travel in the URL, small groups are suppressed, and the live
// Tables 1-5 show the report's printed values (and, with no filter, recompute them).
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openPage, seriousAxeViolations, useBuiltSite} from "./harness.ts";
import codebook from "../../data/codebook.json" with {type: "json"};
import published from "../../data/published.json" with {type: "json"};
import {SUPPRESSED_TEXT} from "../../src/components/stats/suppression.ts";

const chapters = ["uitdaging", "beschikbaarheid", "infrastructuur", "kennismanagement", "kennisnetwerken", "externe-kennis", "externe-contacten", "schakelpunten", "inwoners", "beleidsevaluatie"];
const pages = ["/", "/methode", "/beschouwing", ...chapters.map((c) => `/hoofdstuk/${c}`)];
const tablePages: Record<string, string> = {"Tabel 1": "beschikbaarheid", "Tabel 2": "kennismanagement", "Tabel 3": "externe-kennis", "Tabel 4": "externe-contacten", "Tabel 5": "inwoners"};

const site = useBuiltSite({beforeAll, afterAll});

/** Waits until every story figure on the page has been drawn for the given filter query string. */
async function figuresDrawn(page: import("playwright-core").Page, search = "") {
  await page.waitForFunction(
    (search) => {
      const figures = [...document.querySelectorAll<HTMLElement>("figure.story-figure")];
      return figures.length > 0 && figures.every((f) => f.dataset.filter === search && f.querySelector("svg, .story-figure-chart p"));
    },
    search,
    {timeout: 30_000}
  );
}

describe("every story page", () => {
  for (const path of pages) {
    test(`${path} loads with no console error, no request elsewhere, no serious axe violation`, async () => {
      const {page, consoleErrors, foreignRequests} = await openPage(site.browser, site.origin, path, {waitUntil: "networkidle"});
      if (path.startsWith("/hoofdstuk/")) await figuresDrawn(page);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("nl");
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(await page.locator("main").innerText()).toMatch(/gereconstrueerd/i);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe("what a chapter page fetches", () => {
  test("neither DuckDB-WASM nor apache-arrow, also once the page is idle: every figure is computed in the page's JavaScript", async () => {
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/beschikbaarheid", {waitUntil: "networkidle"});
    await figuresDrawn(page);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, {timeout: 5000})));
    await page.waitForLoadState("networkidle");
    const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(fetched.filter((url) => /duckdb|apache-arrow|\.wasm/i.test(url))).toEqual([]);
    expect(await page.locator("figure.story-figure").evaluateAll((figures) => [...new Set(figures.map((f) => (f as HTMLElement).dataset.engine))])).toEqual(["js"]);
    await page.context().close();
  });
});

describe("filters", () => {
  test("a filter change redraws the charts in the page and writes the URL; the URL restores the filter", async () => {
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/beschikbaarheid");
    await figuresDrawn(page);
    const before = await page.locator("figure[data-figure='Figuur 3'] [data-shown] svg[viewBox]").innerHTML();
    await page.getByLabel("gemeentesecretaris", {exact: true}).check();
    await figuresDrawn(page, "?functie=secretaris");
    // the address follows once the browser is idle after the frame that shows the new figures
    await page.waitForURL((url) => url.search === "?functie=secretaris");
    expect(await page.locator("figure[data-figure='Figuur 3']").getAttribute("data-engine")).toBe("js");
    expect(await page.locator("figure[data-figure='Figuur 3'] [data-shown] svg[viewBox]").innerHTML()).not.toBe(before);
    // Links to other pages carry the filter.
    await expect.poll(() => page.locator("nav a[href*='/hoofdstuk/infrastructuur']").first().getAttribute("href")).toContain("functie=secretaris");
    await page.context().close();

    const reopened = await openPage(site.browser, site.origin, "/hoofdstuk/infrastructuur?functie=secretaris&weging=gewogen");
    await figuresDrawn(reopened.page, "?functie=secretaris&weging=gewogen");
    expect(await reopened.page.getByLabel("gemeentesecretaris", {exact: true}).isChecked()).toBe(true);
    expect(await reopened.page.getByLabel(`gewogen naar alle ${codebook.population.total} gemeenten`).isChecked()).toBe(true);
    await reopened.page.context().close();
  });

  test("charts one click away are drawn ahead while the reader reads; a click shows them, the same as drawn for that filter", async () => {
    // Plot names each chart's style class at random: compare the charts without it.
    const shownCharts = (page: import("playwright-core").Page) =>
      page.locator(".story-figure-chart [data-shown]").evaluateAll((sheets) => sheets.map((sheet) => sheet.innerHTML.replace(/plot-[0-9a-z-]+/g, "plot")));
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/beschikbaarheid");
    await figuresDrawn(page);
    await page.waitForSelector("form.story-filters[data-drawn-ahead]", {timeout: 30_000});
    // Figure 3 has a sheet for each neighbouring filter that changes its numbers (at most 4 size classes, 2 roles, 1 weighting)
    expect(await page.locator("figure[data-figure='Figuur 3'] .story-chart-sheet").count()).toBeGreaterThanOrEqual(1 + 4);
    expect(await page.locator("figure[data-figure='Figuur 3'] .story-chart-sheet").count()).toBeLessThanOrEqual(1 + 4 + 2 + 1);
    await page.locator(".story-chart-sheet").evaluateAll((sheets) => sheets.forEach((sheet) => sheet.setAttribute("data-before", "")));
    // kept out of sight: transparent and not read out
    expect(await page.locator(".story-chart-sheet[aria-hidden=true]").count()).toBe(await page.locator(".story-chart-sheet:not([data-shown])").count());
    await page.getByLabel("gemeentesecretaris", {exact: true}).check();
    await figuresDrawn(page, "?functie=secretaris");
    // every chart that changed is one that was drawn before the click
    expect(await page.locator(".story-chart-sheet[data-shown]:not([data-before])").count()).toBe(0);
    const ahead = await shownCharts(page);
    await page.context().close();
    const direct = await openPage(site.browser, site.origin, "/hoofdstuk/beschikbaarheid?functie=secretaris");
    await figuresDrawn(direct.page, "?functie=secretaris");
    expect(await shownCharts(direct.page)).toEqual(ahead);
    await direct.page.context().close();
  });

  test("keyboard alone can change a filter", async () => {
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/kennisnetwerken");
    await figuresDrawn(page);
    await page.getByLabel("<25.000").focus();
    await page.keyboard.press("Space");
    await figuresDrawn(page, "?grootte=middel,groot,stad");
    await page.context().close();
  });

  test("an unknown filter value in the URL falls back to the default (every size class), not to an empty selection", async () => {
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/kennisnetwerken?grootte=reus");
    await page.waitForSelector("form.story-filters");
    const checked = await page.locator(".story-filter-sizes input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked));
    expect(checked).toEqual(codebook.background[0].values.map(() => true));
    await page.context().close();
  });

  test("a class hidden by the small-group rule shows no number, and neither does the total that includes it", async () => {
    const search = "?grootte=klein,groot&functie=secretaris";
    const {page} = await openPage(site.browser, site.origin, `/hoofdstuk/beschikbaarheid${search}`);
    await figuresDrawn(page, search);
    // Without the suppression text (which itself says "n<5"), a hidden cell holds no digit at all.
    const noNumber = (texts: string[]) => texts.map((t) => t.replaceAll(SUPPRESSED_TEXT, "")).filter((t) => /\d/.test(t));
    const table1 = page.locator("figure[data-figure='Tabel 1']");
    const hidden = ["50.001-100.000", "Totaal"];
    for (const group of hidden) {
      const cell = table1.locator(`tr[data-group='${group}'] td.recomputed`);
      expect(await cell.innerText()).toBe(SUPPRESSED_TEXT);
    }
    // The visible class still shows its number.
    expect(await table1.locator("tr[data-group='<25.000'] td.recomputed").innerText()).toMatch(/^\d,\d\d \(\d+\)$/);
    // The means table under the chart: hidden rows without mean, interval or n.
    const meansRows = await table1.locator("details table tbody tr").evaluateAll((rows) => rows.map((r) => [r.querySelector("th")!.textContent, ...[...r.querySelectorAll("td")].map((td) => td.textContent)]));
    for (const [group, ...cells] of meansRows) if (hidden.includes(group!)) expect(noNumber(cells as string[]), group!).toEqual([]);
    // Figures 3 and 4 show the total only: no share and no n anywhere in their tables.
    for (const figure of ["Figuur 3", "Figuur 4"]) expect(noNumber(await page.locator(`figure[data-figure='${figure}'] table td`).allInnerTexts()), figure).toEqual([]);
    // No caption states an n when the total is hidden, and none states an n under 5.
    const captions = await page.locator("figure.story-figure figcaption").allInnerTexts();
    expect(captions.filter((c) => /n = \d/.test(c))).toEqual([]);
    const main = await page.locator("main").innerText();
    expect(main).not.toMatch(/n = [1-4]\b/);
    expect(main).toContain("(te weinig waarnemingen)");
    await page.context().close();
  });

  test("a filter that leaves fewer than 5 respondents shows the suppression text", async () => {
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/beschikbaarheid?grootte=groot&functie=secretaris");
    await figuresDrawn(page, "?grootte=groot&functie=secretaris");
    const text = await page.locator("main").innerText();
    expect(text).toContain(SUPPRESSED_TEXT);
    await page.context().close();
  });
});

describe("printed versus recomputed", () => {
  for (const [id, chapter] of Object.entries(tablePages)) {
    test(`${id} shows the printed values, and with no filter the recomputed ones agree`, async () => {
      const {page} = await openPage(site.browser, site.origin, `/hoofdstuk/${chapter}`);
      await figuresDrawn(page);
      const table = page.locator(`figure[data-figure='${id}'] table.story-printed-table`);
      const printed = await table.locator("td.printed").allInnerTexts();
      const expected = published.tables
        .filter((t) => t.id === id)
        .flatMap((t) => [...t.rows, t.total].map((r) => `${r.mean.toFixed(2).replace(".", ",")} (${r.n})`));
      // Cells are written row by row (size class), column by column within a row.
      const columns = published.tables.filter((t) => t.id === id).length;
      const byRow = expected.map((_, i) => expected[(i % columns) * (expected.length / columns) + Math.floor(i / columns)]);
      expect(printed.map((p) => p.replace(/\s*\d+$/, "").trim())).toEqual(byRow);
      const recomputed = table.locator("td.recomputed");
      expect(await recomputed.count()).toBe(expected.length);
      expect(await table.locator("td.recomputed.same").count()).toBe(expected.length);
      await page.context().close();
    });
  }
});

describe("first chart drawn at build time", () => {
  test("is in the served page, gives way to the live chart, and is hidden when the URL carries a filter", async () => {
    const html = await (await fetch(`${site.origin}/hoofdstuk/uitdaging`)).text();
    expect(html).toMatch(/<div class="story-prerender" data-for="Figuur 1">\s*<(svg|img)/);
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/uitdaging");
    await figuresDrawn(page);
    await page.waitForFunction(() => !document.querySelector(".story-prerender"), null, {timeout: 10_000});
    await page.context().close();

    const filtered = await openPage(site.browser, site.origin, "/hoofdstuk/uitdaging?functie=ander");
    await filtered.page.waitForFunction(() => document.documentElement.classList.contains("story-filtered"));
    const shown = await filtered.page.evaluate(() => [...document.querySelectorAll(".story-prerender")].some((e) => getComputedStyle(e).display !== "none"));
    expect(shown).toBe(false);
    await filtered.page.context().close();
  });
});
