// /lab/onzekerheid runs its coverage simulation (1000 repetitions, ~2 s of work) in a Web Worker: a progress bar and
// a polite live region say how far it is; a newer seed cancels the running simulation; and the figure shown is
// exactly what the synchronous coverageSimulation gives in node for the same seed, scale and sample sizes (model
// read from dist/). How responsive the page stays while it runs is a speed figure, measured by `npm run bench`.
import {describe, it, expect, beforeAll, afterAll} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {openPage, distDir, useBuiltSite} from "./harness.ts";
import {coverageSimulation} from "../../src/components/stats/coverage.ts";

const site = useBuiltSite({beforeAll, afterAll});

const status = "[data-testid=simulatie-status]";
const coverage = "[data-testid=dekking]";

/** A file of the built site's data folder (dist/_file/data/site/name.<hash>.ext). */
function builtData(name: string, ext: string): string {
  const folder = join(distDir, "_file/data/site");
  const file = readdirSync(folder).find((f) => f.startsWith(`${name}.`) && f.endsWith(`.${ext}`));
  if (!file) throw new Error(`no ${name}.${ext} in ${folder}: build the site first`);
  return readFileSync(join(folder, file), "utf8");
}

/** Records every value the progress bar takes, and the seeds the coverage text shows, from now on. */
async function recordRuns(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.__progress = [];
    w.__seeds = [document.querySelector("[data-testid=dekking]")!.getAttribute("data-seed")!];
    new MutationObserver(() => {
      const bar = document.querySelector("[data-testid=simulatie-status] progress") as HTMLProgressElement | null;
      if (bar) w.__progress.push(bar.value);
      const seed = document.querySelector("[data-testid=dekking]")?.getAttribute("data-seed");
      if (seed && w.__seeds.at(-1) !== seed) w.__seeds.push(seed);
    }).observe(document.querySelector("main")!, {subtree: true, childList: true, attributes: true, characterData: true});
  });
}

async function setSeed(page: Page, seed: number): Promise<void> {
  await page.locator("main input[type=number]").fill(String(seed));
}

describe("coverage simulation in a worker", () => {
  it("shows progress while it runs after a new seed, and ends with the synchronous result", async () => {
    const {page, consoleErrors, foreignRequests} = await openPage(site.browser, site.origin, "/lab/onzekerheid", {waitUntil: "networkidle"});
    try {
      await page.locator(`${coverage}[data-seed='42']`).waitFor({timeout: 30_000});
      await page.locator(`${status}[data-state=klaar]`).waitFor({timeout: 30_000});
      expect(await page.locator(status).getAttribute("data-engine")).toBe("worker");
      expect(await page.locator(`${status} [aria-live=polite]`).textContent()).toMatch(/^Simulatie klaar: 1\.000 herhalingen met startwaarde 42 in \d+,\d s, op de achtergrond\.$/);

      await recordRuns(page);
      await setSeed(page, 77);
      await page.locator(`${status}[data-state=bezig][data-seed='77']`).waitFor({timeout: 10_000});
      expect(await page.locator(`${status} [aria-live=polite]`).textContent()).toMatch(/^Simulatie loopt \(startwaarde 77/);
      await page.locator(`${status}[data-state=klaar][data-seed='77']`).waitFor({timeout: 30_000});
      // the progress bar passed through values between the start and the end
      const progress: number[] = await page.evaluate(() => (window as any).__progress);
      expect(progress.filter((v) => v > 0 && v < 1000).length).toBeGreaterThan(0);
      // the link names the seed drawn
      expect(new URL(page.url()).searchParams.get("startwaarde")).toBe("77");

      // The final figure: exactly the synchronous result for this seed, scale and sample sizes.
      const text = page.locator(`${coverage}[data-seed='77']`);
      await text.waitFor({timeout: 30_000});
      const model = JSON.parse(builtData("reconstruction-model", "json"));
      const population = JSON.parse(builtData("survey-meta", "json")).population.sizeClassCounts;
      const sample = JSON.parse((await text.getAttribute("data-sample"))!);
      const scale = (await text.getAttribute("data-scale"))!;
      const expected = coverageSimulation(model, {scale, population, sample, repetitions: 1000, seed: 77});
      const shown = (await text.getAttribute("data-coverage"))!.split(" ").map(Number);
      expect(shown).toEqual([expected.populationMean.fpc, expected.populationMean.noFpc, expected.modelMeanCovered.fpc, expected.modelMeanCovered.noFpc, expected.halfWidth.fpc, expected.halfWidth.noFpc]);
      const percent = (p: number) => `${(p * 100).toFixed(1).replace(".", ",")}%`;
      expect(await text.locator("strong").first().textContent()).toBe(percent(expected.populationMean.fpc));
      expect(await page.locator("figure[data-figure='Lab O3']").textContent()).toContain("startwaarde 77");
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("a newer seed cancels the running simulation: only the last one is shown, without errors", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/onzekerheid", {waitUntil: "networkidle"});
    try {
      await page.locator(`${status}[data-state=klaar]`).waitFor({timeout: 30_000});
      await recordRuns(page);
      await setSeed(page, 78);
      // wait until the run for 78 is under way (some progress), then ask for 79
      await page.waitForFunction(() => {
        const box = document.querySelector("[data-testid=simulatie-status]") as HTMLElement;
        return box.dataset.seed === "78" && box.dataset.state === "bezig" && (box.querySelector("progress") as HTMLProgressElement).value > 0;
      }, null, {timeout: 10_000});
      await setSeed(page, 79);
      await page.locator(`${coverage}[data-seed='79']`).waitFor({timeout: 30_000});
      await page.locator(`${status}[data-state=klaar][data-seed='79']`).waitFor({timeout: 5_000});
      expect(await page.evaluate(() => (window as any).__seeds)).toEqual(["42", "79"]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("the button draws the next seed, by keyboard (Enter and Space)", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/onzekerheid", {waitUntil: "networkidle"});
    try {
      await page.locator(`${coverage}[data-seed='42']`).waitFor({timeout: 30_000});
      await page.locator("main button", {hasText: "Nieuwe simulatie"}).focus();
      await page.keyboard.press("Enter");
      await page.locator(`${coverage}[data-seed='43']`).waitFor({timeout: 30_000});
      await page.keyboard.press("Space");
      await page.locator(`${coverage}[data-seed='44']`).waitFor({timeout: 30_000});
      expect(await page.locator("main input[type=number]").inputValue()).toBe("44");
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
