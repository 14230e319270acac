// /lab/onzekerheid runs its coverage simulation (1000 repetitions, ~2 s of work) in a Web Worker: while it runs after
// a new seed, animation frames keep coming and the page keeps answering (well under the 600+ ms the main-thread version blocked); a progress bar and a polite live
// region say how far it is; a newer seed cancels the running simulation; and the figure shown is exactly what the
// synchronous coverageSimulation gives in node for the same seed, scale and sample sizes (model read from dist/).
import {describe, it, expect, beforeAll, afterAll} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {openPage, distDir, useBuiltSite} from "./harness.ts";
import {coverageSimulation} from "../../src/components/stats/coverage.ts";

const site = useBuiltSite({beforeAll, afterAll});

const status = "[data-testid=simulatie-status]";
const coverage = "[data-testid=dekking]";

/** Starts counting animation frames and the longest gap between two of them (ms). */
async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.__frames = {count: 0, maxGap: 0, last: performance.now(), on: true};
    const tick = (t: number) => {
      const f = w.__frames;
      if (!f.on) return;
      f.maxGap = Math.max(f.maxGap, t - f.last);
      f.last = t;
      f.count++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrames(page: Page): Promise<{count: number; maxGap: number}> {
  return page.evaluate(() => {
    const f = (window as any).__frames;
    f.on = false;
    return {count: f.count, maxGap: f.maxGap};
  });
}

async function setSeed(page: Page, seed: number): Promise<void> {
  await page.locator("main input[type=number]").fill(String(seed));
}

describe("coverage simulation off the main thread", () => {
  it("keeps the page responsive while it runs after a new seed, shows progress, and ends with the synchronous result", async () => {
    const {page, consoleErrors, foreignRequests} = await openPage(site.browser, site.origin, "/lab/onzekerheid", {waitUntil: "networkidle"});
    await page.locator(`${coverage}[data-seed='42']`).waitFor({timeout: 30_000});
    await page.locator(`${status}[data-state=klaar]`).waitFor({timeout: 30_000});
    expect(await page.locator(status).getAttribute("data-engine")).toBe("worker");
    expect(await page.locator(`${status} [aria-live=polite]`).textContent()).toMatch(/^Simulatie klaar: 1\.000 herhalingen met startwaarde 42 in \d+,\d s, op de achtergrond\.$/);

    await watchFrames(page);
    await setSeed(page, 77);
    await page.locator(`${status}[data-state=bezig][data-seed='77']`).waitFor({timeout: 5_000});
    expect(await page.locator(`${status} [aria-live=polite]`).textContent()).toMatch(/^Simulatie loopt \(startwaarde 77/);
    // While it runs: the page answers quickly, and the progress bar moves through intermediate values.
    const latencies: number[] = [];
    const progressSeen = new Set<number>();
    while ((await page.locator(status).getAttribute("data-state")) === "bezig") {
      const t = Date.now();
      const value = await page.evaluate(() => (document.querySelector("[data-testid=simulatie-status] progress") as HTMLProgressElement).value);
      latencies.push(Date.now() - t);
      progressSeen.add(value);
      await page.waitForTimeout(50);
    }
    const frames = await stopFrames(page);
    const between = [...progressSeen].filter((v) => v > 0 && v < 1000);
    console.log(`seed 77: ${latencies.length} probes, slowest ${Math.max(...latencies)} ms; ${frames.count} frames, longest gap ${frames.maxGap.toFixed(0)} ms; progress seen ${between.sort((a, b) => a - b).join(", ")}`);
    expect(latencies.length).toBeGreaterThan(3);
    // Generous bounds: the main-thread version blocked for 600+ ms; the worker version stays near one frame.
    expect(Math.max(...latencies)).toBeLessThan(400);
    expect(frames.maxGap).toBeLessThan(400);
    expect(frames.count).toBeGreaterThan(20);
    expect(between.length).toBeGreaterThan(0);

    // The final figure: exactly the synchronous result for this seed, scale and sample sizes.
    const text = page.locator(`${coverage}[data-seed='77']`);
    await text.waitFor({timeout: 30_000});
    expect(await page.locator(`${status} [aria-live=polite]`).textContent()).toMatch(/startwaarde 77/);
    const modelFile = readdirSync(join(distDir, "_file/lab/data")).find((f) => f.startsWith("reconstruction-model.") && f.endsWith(".json"));
    const model = JSON.parse(readFileSync(join(distDir, "_file/lab/data", modelFile!), "utf8"));
    const sample = JSON.parse((await text.getAttribute("data-sample"))!);
    const scale = (await text.getAttribute("data-scale"))!;
    const population = {"<25.000": 123, "25.001-50.000": 141, "50.001-100.000": 56, ">100.000": 32};
    const expected = coverageSimulation(model, {scale, population, sample, repetitions: 1000, seed: 77});
    const shown = (await text.getAttribute("data-coverage"))!.split(" ").map(Number);
    expect(shown).toEqual([expected.populationMean.fpc, expected.populationMean.noFpc, expected.modelMeanCovered.fpc, expected.modelMeanCovered.noFpc, expected.halfWidth.fpc, expected.halfWidth.noFpc]);
    const percent = (p: number) => `${(p * 100).toFixed(1).replace(".", ",")}%`;
    expect(await text.locator("strong").first().textContent()).toBe(percent(expected.populationMean.fpc));
    expect(await page.locator("figure[data-figure='Lab O3']").textContent()).toContain("startwaarde 77");
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  });

  it("a newer seed cancels the running simulation: only the last one is shown, without errors", async () => {
    const {page, consoleErrors} = await openPage(site.browser, site.origin, "/lab/onzekerheid", {waitUntil: "networkidle"});
    await page.locator(`${status}[data-state=klaar]`).waitFor({timeout: 30_000});
    await page.evaluate(() => {
      const seen: string[] = ((window as any).__seeds = [document.querySelector("[data-testid=dekking]")!.getAttribute("data-seed")!]);
      new MutationObserver(() => {
        const seed = document.querySelector("[data-testid=dekking]")?.getAttribute("data-seed");
        if (seed && seen.at(-1) !== seed) seen.push(seed);
      }).observe(document.querySelector("main")!, {subtree: true, childList: true, attributes: true});
    });
    await setSeed(page, 78);
    await page.locator(`${status}[data-state=bezig][data-seed='78']`).waitFor({timeout: 5_000});
    await page.waitForTimeout(300);
    await setSeed(page, 79);
    await page.locator(`${coverage}[data-seed='79']`).waitFor({timeout: 30_000});
    await page.locator(`${status}[data-state=klaar][data-seed='79']`).waitFor({timeout: 5_000});
    expect(await page.evaluate(() => (window as any).__seeds)).toEqual(["42", "79"]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
