// Methodology lab pages in the built site: they load without console errors or requests to other origins, say
// where their data come from in the provenance's words, keep their controls in the link, show no group of 1-4,
// the factor analysis redraws when the reader changes items or factors, and the weighted Table 1 mean on the
// page is the library's value on the same respondents.parquet.
import {describe, it, expect, beforeAll, afterAll} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {parquetReadObjects} from "hyparquet";
import {axeFindings, openPage, distDir, seriousAxeViolations, useBuiltSite, type OpenedPage} from "./harness.ts";
import {weightedMean} from "../../src/components/stats/index.js";
import {dataNotice} from "../../src/components/survey/provenance.ts";
import type {SurveyMeta} from "../../src/components/survey/survey-meta.ts";

const labPages = ["", "steekproef", "onzekerheid", "non-respons", "factoranalyse", "betrouwbaarheid", "likert", "grim", "synthetisch"];

/**
 * seriousAxeViolations over the whole page; the assertion leaves out Framework's sidebar and the site footer, which
 * belong to the site-wide layout (a <label> inside the sidebar's <ol>, link grey #76787b on
 * #f6f6f6 = 4,09:1). Those are printed as a warning, so they stay visible until the layout fixes them.
 */
async function labAxeViolations(page: Page): Promise<string[]> {
  const all = await seriousAxeViolations(page);
  const inPage = await axeFindings(page);
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

/** Opens a lab page, runs the checks, and closes the page's browser context whatever happens. */
async function withPage(path: string, run: (opened: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await openPage(site.browser, site.origin, path, {waitUntil: "networkidle"});
  try {
    await run(opened);
  } finally {
    await opened.page.context().close();
  }
}

/** Waits until every figure on the page has drawn its chart (and the simulation has shown its outcome). */
async function figuresDrawn(page: Page, name: string): Promise<void> {
  await page.waitForSelector(name ? "figure.story-figure" : "main h3", {timeout: 30_000});
  if (name === "onzekerheid") await page.locator("[data-testid=dekking]").waitFor({timeout: 30_000});
  await page.waitForFunction(() => [...document.querySelectorAll("figure.story-figure")].every((f) => f.querySelector(".story-figure-chart svg")), null, {timeout: 30_000});
}

/** The survey metadata the site was built with (dist/_file/data/site/survey-meta.*.json). */
function builtMeta(): SurveyMeta {
  const file = readdirSync(join(distDir, "_file/data/site")).find((f) => f.startsWith("survey-meta.") && f.endsWith(".json"));
  if (!file) throw new Error(`no survey-meta.json in ${distDir}/_file/data/site: build the site first`);
  return JSON.parse(readFileSync(join(distDir, "_file/data/site", file), "utf8"));
}

describe("methodology lab pages", () => {
  for (const name of labPages) {
    it(`/lab/${name} loads without console errors or foreign requests, and draws its charts`, async () => {
      await withPage(`/lab/${name}`, async ({page, consoleErrors, foreignRequests}) => {
        await figuresDrawn(page, name);
        expect(consoleErrors).toEqual([]);
        expect(foreignRequests).toEqual([]);
        expect(await page.locator(".observablehq--error").count()).toBe(0);
        // Plot draws a ⚠ in the corner of a chart when it warned (e.g. more categories than colours)
        expect(await page.locator("svg text", {hasText: "⚠"}).count()).toBe(0);
        expect(await page.locator("html").getAttribute("lang")).toBe("nl");
        // WCAG 2.1 AA: no serious or critical axe-core violations once the charts are drawn, in the page's own content
        expect(await labAxeViolations(page)).toEqual([]);
      });
    });
  }
});

describe("the lab's own words", () => {
  const ownPages = labPages.filter((name) => name !== "factoranalyse" && name !== "betrouwbaarheid");
  for (const name of ownPages) {
    it(`/lab/${name} says where its data come from in the provenance's words, with a Dutch table of contents`, async () => {
      const notice = dataNotice(builtMeta().provenance);
      await withPage(`/lab/${name}`, async ({page}) => {
        await figuresDrawn(page, name);
        expect(await page.locator(".data-notice").first().textContent()).toContain(notice);
        const toc = page.locator("#observablehq-toc");
        if (await toc.count()) expect(await toc.textContent()).not.toContain("Contents");
      });
    });
  }
});

describe("controls in the link", () => {
  it("/lab/onzekerheid opens with the scale and seed of the link, and writes a new seed back into it", async () => {
    await withPage("/lab/onzekerheid?schaal=kennismanagement&startwaarde=7", async ({page, consoleErrors}) => {
      const text = page.locator("[data-testid=dekking][data-seed='7']");
      await text.waitFor({timeout: 30_000});
      expect(await text.getAttribute("data-scale")).toBe("kennismanagement");
      expect(await page.locator("main select").first().evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toContain("Kennismanagement");
      await page.locator("main input[type=number]").fill("8");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("startwaarde") === "8");
      expect(new URL(page.url()).searchParams.get("schaal")).toBe("kennismanagement");
      expect(consoleErrors).toEqual([]);
    });
  });

  it("unknown values in the link fall back to the defaults", async () => {
    await withPage("/lab/onzekerheid?schaal=bestaat-niet&startwaarde=1e3", async ({page, consoleErrors}) => {
      const text = page.locator("[data-testid=dekking]");
      await text.waitFor({timeout: 30_000});
      expect(await text.getAttribute("data-seed")).toBe("42");
      expect(await text.getAttribute("data-scale")).toBe(builtMeta().scales[0].id);
      expect(consoleErrors).toEqual([]);
    });
  });

  it("/lab/likert opens on the item of the link and puts a newly chosen item in the link", async () => {
    await withPage("/lab/likert?vraag=bes_effectiviteit", async ({page, consoleErrors}) => {
      await page.waitForSelector("figure[data-figure='Lab L1'] svg", {timeout: 30_000});
      const select = page.locator("main select").first();
      expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toContain("Lokale effectiviteit");
      const other = await select.evaluate((s: HTMLSelectElement) => s.options[0].value);
      await select.selectOption(other);
      await page.waitForFunction(() => new URL(location.href).searchParams.get("vraag") !== "bes_effectiviteit");
      expect(new URL(page.url()).searchParams.get("vraag")).toMatch(/^[a-z_]+$/);
      expect(consoleErrors).toEqual([]);
    });
  });
});

describe("non-response page", () => {
  it("shows no group of 1-4 respondents, under every rule", async () => {
    for (const rule of ["50", "75", "90"]) {
      await withPage(`/lab/non-respons?regel=${rule}`, async ({page}) => {
        await figuresDrawn(page, "non-respons");
        const bands = await page.locator("figure[data-figure='Lab N2'] table tbody tr td").allTextContents();
        expect(bands.length).toBeGreaterThan(0);
        expect(bands.map(Number).filter((n) => n < 5)).toEqual([]);
        // the per-size-class table: every n shown is 0 or at least 5
        const perClass = page.locator("table", {hasText: "per grootteklasse"});
        const counts = await perClass.locator("tbody tr").evaluateAll((rows) => rows.flatMap((row) => [1, 3].map((i) => Number(row.children[i].textContent))));
        expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);
        expect(await page.locator("table", {hasText: "Schaalregel en n"}).locator("thead").textContent()).toContain(`≥ ${rule}% beantwoord`);
      });
    }
  });
});

describe("overview page", () => {
  it("/lab/ links to every lab page and to each page's glossary", async () => {
    await withPage("/lab/", async ({page, consoleErrors}) => {
      const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      for (const name of labPages.filter(Boolean)) {
        expect(hrefs).toContain(`./${name}`);
        expect(hrefs).toContain(`./${name}#begrippen`);
      }
      // and the sidebar lists it first in the lab block
      const labLinks = await page.locator("#observablehq-sidebar details", {hasText: "Methodelab"}).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(labLinks[0]).toMatch(/^\.\/$|^\.\/index$|^\.$/);
      expect(consoleErrors).toEqual([]);
    });
  });
});

describe("factor analysis page", () => {
  const loadingsOf = (page: any, n: number) => page.locator("[data-loadings]").nth(n).getAttribute("data-loadings");

  it("redraws the loadings when the number of factors or the item selection changes", async () => {
    await withPage("/lab/factoranalyse", async ({page, consoleErrors}) => {
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
    });
  });
});

describe("loadings heatmap labels", () => {
  for (const width of [1280, 390]) {
    it(`are drawn whole inside the chart at ${width} px, with the full question in the table`, async () => {
      const context = await site.browser.newContext({viewport: {width, height: 900}, locale: "nl-NL"});
      try {
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
      } finally {
        await context.close();
      }
    });
  }
});

describe("factor analysis page by keyboard only", () => {
  const loadings = (page: Page, n: number) => page.evaluate((i) => JSON.parse(document.querySelectorAll("[data-loadings]")[i]?.getAttribute("data-loadings") ?? "[]"), n);
  const waitFor = (page: Page, n: number, test: string, arg: unknown) =>
    page.waitForFunction(([i, body, a]) => new Function("L", "a", body)(JSON.parse(document.querySelectorAll("[data-loadings]")[i as number]?.getAttribute("data-loadings") ?? "[]"), a), [n, test, arg] as const, {timeout: 10_000});

  it("reaches every control with Tab and changes it with arrow keys and Space; the loadings redraw", async () => {
    await withPage("/lab/factoranalyse", async ({page, consoleErrors}) => {
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
    });
  });
});

describe("sampling page", () => {
  it("shows the library's weighted Table 1 mean", async () => {
    const file = readdirSync(join(distDir, "_file/data/site")).find((f) => f.startsWith("respondents.") && f.endsWith(".parquet"));
    const bytes = readFileSync(join(distDir, "_file/data/site", file!));
    const rows: any[] = await parquetReadObjects({file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)});
    const items = ["bes_behoeften", "bes_samenhang", "bes_effectiviteit", "bes_doorstroom", "bes_agenda", "bes_toegesneden", "bes_integraal", "bes_communiceren"];
    const scores = rows.map((r) => (items.every((id) => r[id] !== null) ? items.reduce((s, id) => s + Number(r[id]), 0) / items.length : null));
    const expected = weightedMean(scores, rows.map((r) => Number(r.weight)));

    await withPage("/lab/steekproef", async ({page, consoleErrors}) => {
      const shown = page.locator("[data-testid=tabel1-gewogen]");
      await shown.waitFor({timeout: 30_000});
      expect(Number(await shown.getAttribute("data-value"))).toBeCloseTo(expected, 12);
      expect(await shown.textContent()).toBe(expected.toFixed(2).replace(".", ","));
      expect(consoleErrors).toEqual([]);
    });
  });
});
