// Methodology lab pages in the built site: they load without console errors or requests to other origins,
// the factor analysis redraws when the reader changes items or factors, and the weighted Table 1 mean on the
// page is the library's value on the same respondents.parquet.
import {describe, it, expect, beforeAll, afterAll} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {parquetReadObjects} from "hyparquet";
import {serveDist, launchBrowser, openPage, distDir, type StaticServer} from "./harness.ts";
import {weightedMean} from "../../src/components/stats/index.js";

const labPages = ["steekproef", "onzekerheid", "non-respons", "factoranalyse", "betrouwbaarheid", "likert", "grim", "synthetisch"];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("methodology lab pages", () => {
  for (const name of labPages) {
    it(`/lab/${name} loads without console errors or foreign requests, and draws its charts`, async () => {
      const {page, consoleErrors, foreignRequests} = await openPage(browser, server.origin, `/lab/${name}`, {waitUntil: "networkidle"});
      await page.waitForSelector("figure svg, table", {timeout: 30_000});
      await page.waitForTimeout(500);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(await page.locator("html").getAttribute("lang")).toBe("nl");
      await page.context().close();
    });
  }
});

describe("factor analysis page", () => {
  const loadingsOf = (page: any, n: number) => page.locator("[data-loadings]").nth(n).getAttribute("data-loadings");

  it("redraws the loadings when the number of factors or the item selection changes", async () => {
    const {page, consoleErrors} = await openPage(browser, server.origin, "/lab/factoranalyse", {waitUntil: "networkidle"});
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

describe("sampling page", () => {
  it("shows the library's weighted Table 1 mean", async () => {
    const file = readdirSync(join(distDir, "_file/data")).find((f) => f.startsWith("respondents.") && f.endsWith(".parquet"));
    const bytes = readFileSync(join(distDir, "_file/data", file!));
    const rows: any[] = await parquetReadObjects({file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)});
    const items = ["bes_behoeften", "bes_samenhang", "bes_effectiviteit", "bes_doorstroom", "bes_agenda", "bes_toegesneden", "bes_integraal", "bes_communiceren"];
    const scores = rows.map((r) => (items.every((id) => r[id] !== null) ? items.reduce((s, id) => s + Number(r[id]), 0) / items.length : null));
    const expected = weightedMean(scores, rows.map((r) => Number(r.weight)));

    const {page, consoleErrors} = await openPage(browser, server.origin, "/lab/steekproef", {waitUntil: "networkidle"});
    const shown = page.locator("[data-testid=tabel1-gewogen]");
    await shown.waitFor({timeout: 30_000});
    expect(Number(await shown.getAttribute("data-value"))).toBeCloseTo(expected, 12);
    expect(await shown.textContent()).toBe(expected.toFixed(2).replace(".", ","));
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
