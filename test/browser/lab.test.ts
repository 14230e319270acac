// Methodology lab pages in the built site: they load without console errors or requests to other origins,
// the factor analysis redraws when the reader changes items or factors, and the weighted Table 1 mean on the
// page is the library's value on the same respondents.parquet.
import {describe, it, expect, beforeAll, afterAll} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {parquetReadObjects} from "hyparquet";
import {openPage, distDir, seriousAxeViolations, useBuiltSite} from "./harness.ts";
import {weightedMean} from "../../src/components/stats/index.js";

const labPages = ["", "steekproef", "onzekerheid", "non-respons", "factoranalyse", "betrouwbaarheid", "likert", "grim", "synthetisch"];

/**
 * seriousAxeViolations over the whole page; the assertion leaves out Framework's sidebar and the site footer, which
 * belong to the site-wide layout (issue 3's global options: a <label> inside the sidebar's <ol>, link grey #76787b on
 * #f6f6f6 = 4,09:1). Those are printed as a warning, so they stay visible until the layout fixes them.
 */
async function labAxeViolations(page: Page): Promise<string[]> {
  const all = await seriousAxeViolations(page);
  const inPage: string[] = await page.evaluate(async () => {
    const result = await (window as any).axe.run({exclude: [["#observablehq-sidebar"], ["#observablehq-footer"]]}, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
    return result.violations.filter((v: any) => v.impact === "serious" || v.impact === "critical").map((v: any) => `${v.id}: ${v.nodes.slice(0, 5).map((n: any) => n.target.join(" ")).join(", ")}`);
  });
  const layout = all.filter((v) => !inPage.some((line) => line.startsWith(`${v.id}:`)));
  if (layout.length) console.warn(`axe, site layout only (${page.url()}):`, layout.map((v) => v.id).join(", "));
  return inPage;
}

/** Presses Tab (at most 250 times) until the focused element matches `selector`; fails if it never does. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const site = useBuiltSite({beforeAll, afterAll});

describe("methodology lab pages", () => {
  for (const name of labPages) {
    it(`/lab/${name} loads without console errors or foreign requests, and draws its charts`, async () => {
      const {page, consoleErrors, foreignRequests} = await openPage(site.browser, site.origin, `/lab/${name}`, {waitUntil: "networkidle"});
      await page.waitForSelector(name ? "figure svg, table" : "main h3", {timeout: 30_000});
      await page.waitForTimeout(500);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      // Plot draws a ⚠ in the corner of a chart when it warned (e.g. more categories than colours)
      expect(await page.locator("svg text", {hasText: "⚠"}).count()).toBe(0);
      expect(await page.locator("html").getAttribute("lang")).toBe("nl");
      // WCAG 2.1 AA: no serious or critical axe-core violations once the charts are drawn, in the page's own content
      expect(await labAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe("overview page", () => {
  it("/lab/ links to every lab page and to each page's glossary", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/", {waitUntil: "networkidle"});
    const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const name of labPages.filter(Boolean)) {
      expect(hrefs).toContain(`./${name}`);
      expect(hrefs).toContain(`./${name}#begrippen`);
    }
    // and the sidebar lists it first in the lab block
    const labLinks = await page.locator("#observablehq-sidebar details", {hasText: "Methodelab"}).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(labLinks[0]).toMatch(/^\.\/$|^\.\/index$|^\.$/);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe("factor analysis page", () => {
  const loadingsOf = (page: any, n: number) => page.locator("[data-loadings]").nth(n).getAttribute("data-loadings");

  it("redraws the loadings when the number of factors or the item selection changes", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/factoranalyse", {waitUntil: "networkidle"});
    await page.waitForSelector("[data-loadings]", {timeout: 30_000});
    const before = JSON.parse((await loadingsOf(page, 1))!);
    expect(before[0]).toHaveLength(2);
    // three factors
    const range = page.locator("form", {hasText: "Aantal factoren"}).locator("input[type=number]");
    await range.fill("3");
    await range.dispatchEvent("input");
    await page.waitForFunction(() => JSON.parse(document.querySelectorAll("[data-loadings]")[1]?.getAttribute("data-loadings") ?? "[[]]")[0].length === 3);
    const three = JSON.parse((await loadingsOf(page, 1))!);
    expect(three[0]).toHaveLength(3);
    // drop the first item: one row fewer
    const rowsBefore = three.length;
    await page.locator("form", {hasText: "Vragen in de analyse"}).locator("input[type=checkbox]").first().uncheck();
    await page.waitForFunction((n: number) => JSON.parse(document.querySelectorAll("[data-loadings]")[1]?.getAttribute("data-loadings") ?? "[]").length === n, rowsBefore - 1);
    expect(JSON.parse((await loadingsOf(page, 0))!)).toHaveLength(rowsBefore - 1);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe("loadings heatmap labels", () => {
  for (const width of [1280, 390]) {
    it(`are drawn whole inside the chart at ${width} px, with the full question in the table`, async () => {
      const context = await site.browser.newContext({viewport: {width, height: 900}, locale: "nl-NL"});
      const page = await context.newPage();
      await page.goto(`${site.origin}/lab/factoranalyse`, {waitUntil: "networkidle"});
      await page.waitForSelector("[data-loadings] svg", {timeout: 30_000});
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll("[data-loadings] svg[role=img]")].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll("text")].filter((t) => {
            const r = t.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
          }).map((t) => t.textContent);
        })
      );
      expect(clipped).toEqual([]);
      // "Samenhang beleidsopgaven (Beschikbaarheid van kennis)" is the longest row label of the first block: on two or more lines
      expect(await page.locator("[data-loadings] svg[role=img] text", {hasText: "Samenhang"}).first().locator("tspan").count()).toBeGreaterThan(1);
      const header = await page.locator("[data-loadings] table thead th").allTextContents();
      expect(header).toContain("Volledige vraag");
      await context.close();
    });
  }
});

describe("factor analysis page by keyboard only", () => {
  const loadings = (page: Page, n: number) => page.evaluate((i) => JSON.parse(document.querySelectorAll("[data-loadings]")[i]?.getAttribute("data-loadings") ?? "[]"), n);
  const waitFor = (page: Page, n: number, test: string, arg: unknown) =>
    page.waitForFunction(([i, body, a]) => new Function("L", "a", body)(JSON.parse(document.querySelectorAll("[data-loadings]")[i as number]?.getAttribute("data-loadings") ?? "[]"), a), [n, test, arg] as const, {timeout: 10_000});

  it("reaches every control with Tab and changes it with arrow keys and Space; the loadings redraw", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/factoranalyse", {waitUntil: "networkidle"});
    await page.waitForSelector("[data-loadings]", {timeout: 30_000});
    expect((await loadings(page, 1))[0]).toHaveLength(2);

    // block picker: Tab lands on the chosen radio, ArrowDown chooses the next block (2 + 4 network items)
    await tabTo(page, "input[type=radio]:checked");
    await page.keyboard.press("ArrowDown");
    await waitFor(page, 0, "return L.length === 6", null);

    // factor count: the slider, ArrowRight = one more factor
    await tabTo(page, "input[type=range]");
    await page.keyboard.press("ArrowRight");
    await waitFor(page, 1, "return L[0]?.length === 3", null);

    // item checkboxes: Shift+Tab back past the slider's number box to the last item, Space unticks it
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("checkbox");
    await page.keyboard.press("Space");
    await waitFor(page, 0, "return L.length === 5", null);

    // method and rotation pickers: ArrowDown on a focused <select> picks the next option. Principal axis iterated
    // to convergence and minres reach the same loadings here, so the method shows in the title; the rotation
    // changes the loadings themselves.
    await tabTo(page, "select");
    await page.keyboard.press("ArrowDown");
    await page.locator("h3", {hasText: "Common factor: minres + varimax"}).waitFor({timeout: 10_000});
    const varimax = JSON.stringify(await loadings(page, 1));
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.locator("h3", {hasText: "minres + oblimin"}).waitFor({timeout: 10_000});
    await waitFor(page, 1, "return JSON.stringify(L) !== a", varimax);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe("uncertainty page", () => {
  it("draws the coverage simulation from the model, and the button redraws it by keyboard (Enter and Space)", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/onzekerheid", {waitUntil: "networkidle"});
    const text = page.locator("[data-testid=dekking]");
    await text.waitFor({timeout: 30_000});
    expect(await text.getAttribute("data-seed")).toBe("42");
    expect(await text.textContent()).toMatch(/Met correctie bevatte het interval .* \d+,\d%/);
    expect(await page.locator("figure[data-figure='Lab O3'] table tbody tr").count()).toBe(4);
    await tabTo(page, "main button");
    await page.keyboard.press("Enter");
    await page.locator("[data-testid=dekking][data-seed='43']").waitFor({timeout: 20_000});
    await page.keyboard.press("Space");
    await page.locator("[data-testid=dekking][data-seed='44']").waitFor({timeout: 20_000});
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe("sampling page", () => {
  it("shows the library's weighted Table 1 mean", async () => {
    const file = readdirSync(join(distDir, "_file/data")).find((f) => f.startsWith("respondents.") && f.endsWith(".parquet"));
    const bytes = readFileSync(join(distDir, "_file/data", file!));
    const rows: any[] = await parquetReadObjects({file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)});
    const items = ["bes_behoeften", "bes_samenhang", "bes_effectiviteit", "bes_doorstroom", "bes_agenda", "bes_toegesneden", "bes_integraal", "bes_communiceren"];
    const scores = rows.map((r) => (items.every((id) => r[id] !== null) ? items.reduce((s, id) => s + Number(r[id]), 0) / items.length : null));
    const expected = weightedMean(scores, rows.map((r) => Number(r.weight)));

    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/steekproef", {waitUntil: "networkidle"});
    const shown = page.locator("[data-testid=tabel1-gewogen]");
    await shown.waitFor({timeout: 30_000});
    expect(Number(await shown.getAttribute("data-value"))).toBeCloseTo(expected, 12);
    expect(await shown.textContent()).toBe(expected.toFixed(2).replace(".", ","));
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
