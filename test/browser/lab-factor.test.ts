// The factor and reliability pages in the built site: a setup in the URL opens exactly that analysis, an invalid
// model is named as such in Dutch beside its figure, changes go back into the URL, unknown values give the
// defaults, and axe finds nothing serious in the page's own content.
import {describe, it, expect, beforeAll, afterAll} from "vitest";
import type {Page} from "playwright-core";
import {axeFindings, openPage, useBuiltSite} from "./harness.ts";

const site = useBuiltSite({beforeAll, afterAll});

const commonFigure = (page: Page) => page.locator("figure[data-figure='Lab F4']");

describe("factor page with a setup in the URL", () => {
  it("externe kennis + contacten with principal axis: the Heywood case and the non-convergence are named beside the figure", async () => {
    const {page, consoleErrors, foreignRequests} = await openPage(site.browser, site.origin, "/lab/factoranalyse?blok=extern", {waitUntil: "networkidle"});
    try {
      const check = commonFigure(page).locator(".lab-diagnostics");
      await check.waitFor({timeout: 30_000});
      expect(await check.getAttribute("data-status")).toBe("warning");
      const text = (await check.textContent())!;
      expect(text).toContain("Dit is geen bruikbare oplossing");
      expect(text).toContain("Heywood-geval");
      expect(text).toContain("(1,13)");
      expect(text).toMatch(/Lading groter dan 1 bij .*\(1,05\)/);
      expect(text).toContain("na 1.000 iteraties gestopt zonder te convergeren");
      expect(text).toContain("kies minder factoren");
      // the controls show the setup from the URL
      expect(await page.locator("input[type=radio]:checked").evaluate((el) => el.closest("label")!.textContent)).toContain("Externe kennis");
      expect(await page.locator("[data-loadings]").nth(1).getAttribute("data-loadings")).toMatch(/^\[\[/);
      // PCA beside it is sound
      expect(await page.locator("figure[data-figure='Lab F3'] .lab-diagnostics").getAttribute("data-status")).toBe("ok");
      expect(await axeFindings(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("six items with three factors: flagged beside the factor count and beside the figure as not identified", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/factoranalyse?blok=netwerken&factoren=3", {waitUntil: "networkidle"});
    try {
      const flag = page.locator("#factoren-identificatie");
      await flag.waitFor({timeout: 30_000});
      expect(await flag.getAttribute("data-identified")).toBe("false");
      expect(await flag.textContent()).toContain("Niet geïdentificeerd");
      expect(await flag.textContent()).toContain("hoogstens 2 factoren");
      // the control itself points at the flag, so a screen reader reads it with the control
      expect(await page.locator("input[type=range]").getAttribute("aria-describedby")).toBe("factoren-identificatie");
      const check = commonFigure(page).locator(".lab-diagnostics");
      expect(await check.getAttribute("data-status")).toBe("invalid");
      expect(await check.textContent()).toContain("Dit model is niet geïdentificeerd");
      // one factor fewer: identified again, flag and check follow
      const box = page.locator("form", {hasText: "Aantal factoren"}).locator("input[type=number]");
      await box.fill("2");
      await box.dispatchEvent("input");
      await page.locator("#factoren-identificatie[data-identified=true]").waitFor({timeout: 10_000});
      expect(await page.evaluate(() => location.search)).toBe("?blok=netwerken");
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("a changed control goes into the URL, and that URL opens the same setup", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/factoranalyse", {waitUntil: "networkidle"});
    try {
      await page.waitForSelector("[data-loadings]", {timeout: 30_000});
      // the prose links to the Heywood setup as a link of this page
      expect(await page.locator("main a", {hasText: "externe kennis + externe contacten met hoofdas"}).getAttribute("href")).toBe("?blok=extern");
      await page.locator("form", {hasText: "Common-factormethode"}).locator("select").selectOption({label: "Minimale residuen (minres)"});
      await page.locator("form", {hasText: "Rotatie"}).locator("select").selectOption({label: "oblimin (scheef)"});
      await page.waitForFunction(() => location.search === "?methode=minres&rotatie=oblimin");
      await commonFigure(page).locator("h3", {hasText: "minres + oblimin"}).waitFor({timeout: 10_000});
      const loadings = await page.locator("[data-loadings]").nth(1).getAttribute("data-loadings");
      await page.reload({waitUntil: "networkidle"});
      await commonFigure(page).locator("h3", {hasText: "minres + oblimin"}).waitFor({timeout: 30_000});
      expect(await page.locator("[data-loadings]").nth(1).getAttribute("data-loadings")).toBe(loadings);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("unknown values in the URL give the defaults, not an empty or broken page", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/factoranalyse?blok=onbekend&factoren=99&methode=ml&rotatie=promax&vragen=x,y", {waitUntil: "networkidle"});
    try {
      await commonFigure(page).locator("h3", {hasText: "Common factor: hoofdas + varimax"}).waitFor({timeout: 30_000});
      const loadings = JSON.parse((await page.locator("[data-loadings]").nth(1).getAttribute("data-loadings"))!);
      expect(loadings).toHaveLength(12);
      expect(loadings[0]).toHaveLength(2);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("reliability page", () => {
  it("shows both omegas per scale, opens the scale from the URL, and passes axe", async () => {
    const {page, consoleErrors, foreignRequests} = await openPage(site.browser, site.origin, "/lab/betrouwbaarheid?schaal=kennismanagement", {waitUntil: "networkidle"});
    try {
      const figure = page.locator("figure[data-figure='Lab B1']");
      await figure.locator("svg").first().waitFor({timeout: 30_000});
      const header = await figure.locator("table thead th").allTextContents();
      expect(header).toContain("Omega (modelvariantie)");
      expect(header).toContain("Omega (psych: waargenomen variantie)");
      expect(await page.locator(".lab-omega-note").textContent()).toMatch(/omega \d,\d{4} met de modelvariantie, \d,\d{4} met de waargenomen variantie \(verschil \d,\d{4}\)/);
      const select = page.locator("form", {hasText: "Schaal"}).locator("select");
      expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe("Kennismanagement");
      expect(await page.locator("table caption", {hasText: ": per vraag"}).textContent()).toBe("Kennismanagement: per vraag");
      expect(await axeFindings(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
  it("an unknown scale falls back to the first", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/betrouwbaarheid?schaal=onbekend", {waitUntil: "networkidle"});
    try {
      const select = page.locator("form", {hasText: "Schaal"}).locator("select");
      await select.waitFor({timeout: 30_000});
      expect(await select.evaluate((s: HTMLSelectElement) => s.selectedIndex)).toBe(0);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
