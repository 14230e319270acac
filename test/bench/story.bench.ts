// `npm run bench -- story`: how soon a chapter page shows its first chart, against a static page with the same
// SVG, and how fast a filter change redraws all charts of the page once DuckDB-WASM answers. Headless Chromium,
// loopback, a fresh browser context (cold cache) per run; medians of RUNS runs. Needs a built site ($KV_DIST or dist/).
import type {Browser, Page} from "playwright-core";
import {launchBrowser, serveDist} from "../browser/harness.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE = "/hoofdstuk/beschikbaarheid";
const FIRST_CHART = ".story-figure svg[viewBox]";

/**
 * Records, from the very start of the document, when a first chart is on screen: the chart drawn at build time
 * (inline SVG in .story-prerender, or an <img> there once loaded) or the live chart SVG, whichever comes first;
 * and separately when the live (interactive) chart SVG arrives.
 */
const recordFirstChart = `(() => {
  const seen = () => {
    if (!window.__liveChart && document.querySelector(${JSON.stringify(FIRST_CHART)})) window.__liveChart = performance.now();
    if (!window.__firstChart && (window.__liveChart || document.querySelector(".story-prerender svg"))) window.__firstChart = performance.now();
  };
  new MutationObserver(seen).observe(document, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", seen);
  document.addEventListener("load", (event) => {
    if (!window.__firstChart && event.target.closest && event.target.closest(".story-prerender")) window.__firstChart = performance.now();
  }, true);
})();`;

async function firstChart(browser: Browser, url: string, route?: (page: Page) => Promise<void>): Promise<{first: number; live: number}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  await page.addInitScript(recordFirstChart);
  if (route) await route(page);
  await page.goto(url);
  await page.waitForFunction("window.__firstChart && window.__liveChart", null, {timeout: 30_000});
  const times = (await page.evaluate("({first: window.__firstChart, live: window.__liveChart})")) as {first: number; live: number};
  await context.close();
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function storyBench(): Promise<Record<string, string | number>> {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const live = `${server.origin}${PAGE}`;
    // The static baseline: the rendered page with its scripts (and the build-time image) removed: the same
    // stylesheet, sidebar and live chart SVG, as plain HTML.
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    await page.goto(live);
    await page.waitForSelector(FIRST_CHART);
    await page.waitForTimeout(500);
    const staticHtml = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true) as HTMLElement;
      doc.querySelectorAll("script, link[rel=modulepreload], .story-prerender").forEach((n) => n.remove());
      return "<!doctype html>\n" + doc.outerHTML;
    });
    await context.close();
    const staticUrl = `${server.origin}/__static-baseline.html`;
    const serveStatic = async (p: Page) => {
      await p.route(staticUrl, (r) => r.fulfill({status: 200, contentType: "text/html; charset=utf-8", body: staticHtml}));
    };

    const liveTimes: number[] = [];
    const interactiveTimes: number[] = [];
    const staticTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      staticTimes.push((await firstChart(browser, staticUrl, serveStatic)).first);
      const times = await firstChart(browser, live);
      liveTimes.push(times.first);
      interactiveTimes.push(times.live);
    }

    // Filter redraw: wait for DuckDB, then toggle the role filter and time until every figure shows the new filter.
    const ctx = await browser.newContext({viewport: {width: 1280, height: 900}});
    const p = await ctx.newPage();
    const t0 = Date.now();
    await p.goto(live);
    await p.waitForFunction(() => (window as any).__storyEngineKind === "duckdb", null, {timeout: 60_000});
    const duckdbReady = Date.now() - t0;
    const redraws: number[] = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const [value, search] = i % 2 === 0 ? ["andere functie", "?functie=ander"] : ["alle", ""];
      // A string, not a function: tsx would add its __name helper to named inner functions, unknown in the page.
      redraws.push(
        (await p.evaluate(`new Promise((resolve) => {
          const input = document.querySelector('.story-filters input[type=radio][value="${value}"]');
          const start = performance.now();
          input.click();
          (function check() {
            const figures = [...document.querySelectorAll("figure.story-figure")];
            if (figures.every((f) => f.dataset.filter === ${JSON.stringify(search)} && f.dataset.engine === "duckdb")) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          })();
        })`)) as number
      );
    }
    const figures = await p.locator("figure.story-figure").count();
    await ctx.close();

    const ratio = median(liveTimes) / median(staticTimes);
    return {
      "page": PAGE,
      "runs (cold cache each)": RUNS,
      "first chart, static page with the same SVG (median ms)": median(staticTimes).toFixed(0),
      "first chart, live page: build-time chart on screen (median ms)": median(liveTimes).toFixed(0),
      "first chart, live page: interactive chart drawn (median ms)": median(interactiveTimes).toFixed(0),
      "live / static (goal ≤ 1,5)": ratio.toFixed(2),
      "DuckDB-WASM ready after (ms, not waited for by the first chart)": duckdbReady,
      [`filter change, all ${figures} figures redrawn via DuckDB (median ms, goal < 100)`]: median(redraws).toFixed(0),
      "filter change, slowest of runs (ms)": Math.max(...redraws).toFixed(0),
      "goals met": ratio <= 1.5 && median(redraws) < 100 ? "yes" : "no"
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
