// `npm run bench -- story`: how soon a chapter page shows its first chart, against a static page with the same
// SVG, and how fast a filter change redraws all charts of the page once DuckDB-WASM answers. Headless Chromium,
// loopback, a fresh browser context (cold cache) per run; medians of RUNS runs. Needs a built site ($KV_DIST or dist/).
import type {Browser, Page} from "playwright-core";
import {launchBrowser, serveDist} from "../browser/harness.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE = "/hoofdstuk/beschikbaarheid";
const FIRST_CHART = ".story-figure svg[viewBox]";

/**
 * Records, from the very start of the document, when a first chart can be seen: the chart drawn at build time
 * (inline SVG in .story-prerender, or an <img> there once loaded) or the live chart SVG, whichever comes first;
 * and separately when the live (interactive) chart is painted.
 */
const recordFirstChart = `(() => {
  // When a chart enters the DOM, the next animation frame is the first that can paint it (no frame runs while a
  // render-blocking stylesheet is pending): that frame's time is when the reader can see the chart.
  const painted = (key) => { if (!window[key + "Pending"]) { window[key + "Pending"] = true; window[key + "Dom"] = performance.now(); requestAnimationFrame(() => { window[key] = performance.now(); }); } };
  const seen = () => {
    if (document.querySelector(${JSON.stringify(FIRST_CHART)})) { painted("__liveChart"); painted("__firstChart"); }
    if (document.querySelector(".story-prerender svg")) painted("__firstChart");
  };
  new MutationObserver(seen).observe(document, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", seen);
  document.addEventListener("load", (event) => {
    if (event.target.closest && event.target.closest(".story-prerender")) painted("__firstChart");
  }, true);
})();`;

async function firstChart(browser: Browser, url: string, route?: (page: Page) => Promise<void>): Promise<{first: number; firstDom: number; live: number}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  await page.addInitScript(recordFirstChart);
  if (route) await route(page);
  await page.goto(url);
  await page.waitForFunction("window.__firstChart && window.__liveChart", null, {timeout: 30_000});
  const times = (await page.evaluate("({first: window.__firstChart, firstDom: window.__firstChartDom, live: window.__liveChart})")) as {first: number; firstDom: number; live: number};
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
    const liveDom: number[] = [];
    const interactiveTimes: number[] = [];
    const staticTimes: number[] = [];
    const staticDom: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const baseline = await firstChart(browser, staticUrl, serveStatic);
      staticTimes.push(baseline.first);
      staticDom.push(baseline.firstDom);
      const times = await firstChart(browser, live);
      liveTimes.push(times.first);
      liveDom.push(times.firstDom);
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
      "first chart painted, static page with the same SVG (median ms)": median(staticTimes).toFixed(0),
      "first chart painted, live page (build-time chart) (median ms)": median(liveTimes).toFixed(0),
      "live / static, painted (goal ≤ 1,5)": ratio.toFixed(2),
      "first chart in the DOM, static page (median ms)": median(staticDom).toFixed(0),
      "first chart in the DOM, live page (median ms)": median(liveDom).toFixed(0),
      "live / static, in the DOM": (median(liveDom) / median(staticDom)).toFixed(2),
      "interactive chart painted, live page (median ms)": median(interactiveTimes).toFixed(0),
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
