// A story figure's actions in the browser: the chart downloads as SVG and PNG, its numbers as CSV (hidden groups
// empty), the link reopens the page with the same filters at that figure, and "Open als notebook" opens the
// notebook page with the figure's numbers (that page must be in the built site).
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Download, Page} from "playwright-core";
import {describeWith} from "../helpers/prerequisite.ts";
import {distDir, openPage, useBuiltSite} from "./harness.ts";

const site = useBuiltSite({beforeAll, afterAll});
const FILTERED = "/hoofdstuk/beschikbaarheid?grootte=klein,middel,groot&weging=gewogen";

/** Clicks an action of a figure and reads the file the browser downloads. */
async function download(page: Page, figure: string, action: string): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`figure[data-figure="${figure}"] button[data-action=${action}]`)]) as [Download, unknown];
  const path = await file.path();
  return {name: file.suggestedFilename(), bytes: readFileSync(path!)};
}

/** Opens a chapter page and waits until a figure is drawn with its actions. */
async function openFigure(path: string, figure: string) {
  const opened = await openPage(site.browser, site.origin, path);
  await opened.page.locator(`figure[data-figure="${figure}"] .story-figure-chart svg`).first().waitFor({timeout: 60_000});
  await opened.page.locator(`figure[data-figure="${figure}"] .story-figure-actions`).waitFor();
  return opened;
}

describe("figure downloads and link", () => {
  it("downloads the chart as SVG and PNG and the numbers as CSV, locally, announcing each", async () => {
    const {page, consoleErrors, foreignRequests} = await openFigure(FILTERED, "Tabel 1");
    try {
      // the charts of the neighbouring filters are on the page by now, out of sight: the files hold the shown one only
      await page.waitForSelector("form.story-filters[data-drawn-ahead]", {timeout: 30_000});
      expect(await page.locator('figure[data-figure="Tabel 1"] .story-chart-sheet').count()).toBeGreaterThan(1);
      const svg = await download(page, "Tabel 1", "svg");
      expect(svg.name).toBe("kennisverkenner-tabel-1.svg");
      const text = svg.bytes.toString("utf8");
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
      expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(text).toContain("Tabel 1:");
      // one chart: one axis title, and the dots of the shown size classes only
      expect(text.match(/gemiddelde score met 95%-interval/g)).toHaveLength(1);
      // the file is well-formed: the browser's own parser reads it without error
      expect(await page.evaluate((t) => new DOMParser().parseFromString(t, "image/svg+xml").querySelector("parsererror") === null, text)).toBe(true);
      await expect.poll(() => page.locator('figure[data-figure="Tabel 1"] [role=status]').innerText()).toBe("Tabel 1 gedownload als SVG.");

      const png = await download(page, "Tabel 1", "png");
      expect(png.name).toBe("kennisverkenner-tabel-1.png");
      expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
      expect(width).toBeGreaterThan(600);
      expect(height).toBeGreaterThan(200);

      const csv = (await download(page, "Tabel 1", "csv")).bytes.toString("utf8").trimEnd().split("\r\n");
      expect(csv[0]).toBe("schaal,groep,gemiddelde,standaardfout,ondergrens,bovengrens,n,verborgen");
      // the three chosen size classes and the total, nothing for the class left out
      expect(csv.slice(1).map((l) => l.split(",")[1])).toEqual(["<25.000", "25.001-50.000", "50.001-100.000", "Totaal"]);
      for (const line of csv.slice(1)) {
        const cells = line.split(",");
        if (cells[7] === "true") expect(cells.slice(2, 7)).toEqual(["", "", "", "", ""]);
        else expect(Number(cells[2])).toBeGreaterThan(0);
      }
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("a hidden group stays hidden in the CSV", async () => {
    // one role in the smallest class: the story hides groups here (secondary suppression)
    const {page} = await openFigure("/hoofdstuk/beschikbaarheid?functie=secretaris", "Figuur 3");
    try {
      const lines = (await download(page, "Figuur 3", "csv")).bytes.toString("utf8").trimEnd().split("\r\n").slice(1);
      const hidden = lines.filter((l) => l.endsWith(",true"));
      const table = await page.locator('figure[data-figure="Figuur 3"] details.story-figure-table').textContent();
      expect(hidden.length > 0).toBe(table!.includes("te weinig waarnemingen"));
      for (const line of hidden) expect(line).toMatch(/,,,,true$/);
    } finally {
      await page.context().close();
    }
  });

  it("the link to a figure reopens the page with the same filters, at that figure", async () => {
    const {page} = await openFigure(FILTERED, "Figuur 4");
    const href = await page.locator('figure[data-figure="Figuur 4"] a[data-action=link]').getAttribute("href");
    const filterKey = await page.locator('figure[data-figure="Figuur 4"]').getAttribute("data-filter");
    await page.context().close();
    expect(href).toBe(`${site.origin}/hoofdstuk/beschikbaarheid${filterKey}#figuur-4`);
    expect(filterKey).toContain("weging=gewogen");
    const reopened = await openFigure(href!.slice(site.origin.length), "Figuur 4");
    try {
      const figure = reopened.page.locator('figure[data-figure="Figuur 4"]');
      expect(await figure.getAttribute("data-filter")).toBe(filterKey);
      await expect.poll(() => figure.evaluate((f) => {
        const box = f.getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0;
      }), {timeout: 30_000}).toBe(true);
    } finally {
      await reopened.page.context().close();
    }
  });

  it("on a phone the actions wrap inside the page, each at least 32 px tall", async () => {
    const context = await site.browser.newContext({viewport: {width: 390, height: 844}, locale: "nl-NL"});
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/hoofdstuk/beschikbaarheid`);
      const actions = page.locator('figure[data-figure="Figuur 3"] .story-figure-actions');
      await actions.waitFor({timeout: 60_000});
      const boxes = await actions.locator("a, button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((b) => [b.right, b.height]));
      for (const [right, height] of boxes) {
        expect(right).toBeLessThanOrEqual(390);
        expect(height).toBeGreaterThanOrEqual(32);
      }
    } finally {
      await context.close();
    }
  });
});

const notebookPage = {present: existsSync(join(distDir, "notebook.html")), missing: `no notebook page in the built site (${join(distDir, "notebook.html")})`};

describeWith(notebookPage)("open a figure as a notebook", () => {
  it("opens the notebook page with the figure's inputs, query and chart, and the figure's numbers", async () => {
    const {page} = await openFigure("/hoofdstuk/beschikbaarheid", "Tabel 1");
    try {
      // the story's total for Table 1, as its table under the figure shows it ("2,26")
      const storyTotal = await page.$eval('figure[data-figure="Tabel 1"] details.story-figure-table', (details) =>
        [...details.querySelectorAll("tr")].find((tr) => tr.querySelector("th")?.textContent === "Totaal")!.querySelector("td")!.textContent!);
      await page.hover('figure[data-figure="Tabel 1"] a[data-action=notebook]');
      const href = await page.locator('figure[data-figure="Tabel 1"] a[data-action=notebook]').getAttribute("href");
      expect(href).toMatch(/^\.\.\/notebook#nb=/);
      await page.click('figure[data-figure="Tabel 1"] a[data-action=notebook]');
      await page.waitForURL(/\/notebook#nb=/);
      await page.waitForFunction(() => Number((document.querySelector(".notebook") as HTMLElement | null)?.dataset.runs ?? 0) > 0, null, {timeout: 90_000});
      await page.locator('.notebook-cell[data-cell-id="grafiek-1"] svg').first().waitFor({timeout: 90_000});
      const result = await page.locator('.notebook-cell[data-cell-id="sql-1"]').innerText();
      expect(result).toContain("Totaal");
      // some number in the result rounds to the story's total
      const numbers = (result.match(/\d+[,.]\d+/g) ?? []).map((t) => Number(t.replace(",", ".")));
      expect(numbers.some((x) => x.toFixed(2).replace(".", ",") === storyTotal), `${storyTotal} in ${result}`).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
