// Every printed figure and table in the story links to the SQL workbench with the query that reproduces it.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openPage, useBuiltSite} from "./harness.ts";

const site = useBuiltSite({beforeAll, afterAll});

describe("open this query", () => {
  it("each figure and table of a chapter page links to its query", async () => {
    const {page} = await openPage(site.browser, site.origin, "/hoofdstuk/beschikbaarheid");
    await page.waitForSelector('figure[data-figure="Figuur 4"] a.story-figure-query', {timeout: 60_000});
    const links = await page.$$eval("figure.story-figure", (figures) =>
      figures.map((f) => [(f as HTMLElement).dataset.figure, f.querySelector<HTMLAnchorElement>("a.story-figure-query")?.getAttribute("href") ?? null])
    );
    expect(links.map(([n]) => n)).toEqual(expect.arrayContaining(["Tabel 1", "Figuur 3", "Figuur 4"]));
    for (const [number, href] of links) {
      expect(href, number!).toMatch(/^\.\.\/sql\?q=/);
    }
    const figure3 = new URLSearchParams(links.find(([n]) => n === "Figuur 3")![1]!.split("?")[1]).get("q")!;
    expect(figure3).toContain("bes_doorstroom");
    await page.context().close();
  });

  it("following the link opens the workbench with that query and runs it", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/hoofdstuk/beschikbaarheid");
    const link = page.locator('figure[data-figure="Tabel 1"] a.story-figure-query');
    await link.waitFor({timeout: 60_000});
    await link.click();
    await page.waitForURL(/\/sql\?q=/);
    await expect.poll(async () => (await page.locator("body").innerText()).includes("2,26") || (await page.locator("body").innerText()).includes("2.26"), {timeout: 60_000}).toBe(true);
    expect(await page.locator(".cm-content").innerText()).toContain("beschikbaarheid");
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
