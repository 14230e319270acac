// `npm run bench -- story`: how soon a chapter page shows its first chart, against a static page with the same
// SVG, and how fast a filter change redraws every figure of the page (the JavaScript engine; story pages load no
// DuckDB). Headless Chromium, loopback, a fresh browser context (cold cache) per first-chart run; medians of RUNS
// runs, and FILTER_CHANGES filter changes on one page. Filter changes are measured twice, each on a fresh page: one
// click at a time at a reader's pace (READER_PAUSE apart: the page has drawn the charts one click away), and two
// inputs at once in quick succession (nothing drawn ahead: Plot draws during the change). Needs a built site
// ($KV_DIST or dist/).
import type {Browser, Page} from "playwright-core";
import {launchBrowser, serveDist} from "../browser/harness.ts";
import {filterChangeCpu, filterStates, formShape, jumpStates, median, p95, timeEmptyChange, timeFilterChange, type FilterChangeCpu, type FilterState} from "./filter-redraw.ts";
import {goal, ms, type BenchFigures} from "./goal.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FILTER_CHANGES = Number(process.env.BENCH_FILTER_CHANGES ?? 40);
const READER_PAUSE = Number(process.env.BENCH_READER_PAUSE_MS ?? 1000);
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

interface RedrawRun {
  redraws: number[];
  /** One text node changed after each filter change, under the same load: the floor. */
  empty: number[];
  cpu: FilterChangeCpu[];
}

/** Filter changes through `states` on a fresh page, `pause` ms apart: timed, then traced for their CPU time. */
async function redrawRun(browser: Browser, url: string, statesOf: (sizeClasses: number, roles: number) => FilterState[], pause: number): Promise<RedrawRun> {
  const ctx = await browser.newContext({viewport: {width: 1280, height: 900}});
  const p = await ctx.newPage();
  await p.goto(url);
  await p.waitForFunction(() => {
    const figures = [...document.querySelectorAll<HTMLElement>("figure.story-figure")];
    return document.querySelector("form.story-filters") && figures.length > 0 && figures.every((f) => f.dataset.filter === "" && f.querySelector(".story-figure-chart svg"));
  }, null, {timeout: 30_000});
  const {sizeClasses, roles} = await formShape(p);
  const states = statesOf(sizeClasses, roles);
  const timed = Math.min(FILTER_CHANGES, states.length - 1);
  const traced = Math.min(Math.ceil(FILTER_CHANGES / 2), states.length - 1 - timed);
  const run: RedrawRun = {redraws: [], empty: [], cpu: []};
  for (let i = 0; i < timed + traced; i++) {
    if (pause) await p.waitForTimeout(pause);
    if (i < timed) {
      run.redraws.push(await timeFilterChange(p, states[i], states[i + 1]));
      run.empty.push(await timeEmptyChange(p));
    } else run.cpu.push(await filterChangeCpu(browser, p, states[i], states[i + 1]));
  }
  await ctx.close();
  return run;
}

export default async function storyBench(): Promise<BenchFigures> {
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

    // Filter redraw: once the live figures are drawn, filter changes at a reader's pace, then in quick succession.
    const paced = await redrawRun(browser, live, filterStates, READER_PAUSE);
    const jumps = await redrawRun(browser, live, jumpStates, 0);
    const ctx = await browser.newContext({viewport: {width: 1280, height: 900}});
    const p = await ctx.newPage();
    await p.goto(live);
    await p.waitForSelector("figure.story-figure[data-engine]");
    const figures = await p.locator("figure.story-figure").count();
    const engine = await p.locator("figure.story-figure").first().getAttribute("data-engine");
    await ctx.close();
    const cpuOf = (run: RedrawRun, label: string) => ({
      [`${label}: main-thread CPU time of the page (median, traced)`]: ms(median(run.cpu.map((c) => c.total))),
      [`  ${label}: of which in the input event's task (median)`]: ms(median(run.cpu.map((c) => c.inputTask))),
      [`  ${label}: of which in later tasks: frame, style, layout, paint (median)`]: ms(median(run.cpu.map((c) => c.later)))
    });

    const ratio = median(liveTimes) / median(staticTimes);
    const fixed = (x: number) => x.toFixed(2).replace(".", ",");
    return {
      "page": PAGE,
      "runs (cold cache each)": RUNS,
      "first chart painted, static page with the same SVG (median)": ms(median(staticTimes)),
      "first chart painted, live page (build-time chart) (median)": ms(median(liveTimes)),
      "first chart painted, live / static": goal(`${fixed(ratio)}x`, "<= 1,2x", ratio <= 1.2),
      "first chart in the DOM, live / static": fixed(median(liveDom) / median(staticDom)),
      "interactive chart painted, live page (median)": ms(median(interactiveTimes)),
      [`filter changes, each to the last of ${figures} figures painted (${engine} engine)`]: `${paced.redraws.length} at a reader's pace (${READER_PAUSE} ms apart), ${jumps.redraws.length} in quick succession`,
      "one click at a reader's pace (drawn ahead), median": goal(ms(median(paced.redraws)), "<= 16 ms", median(paced.redraws) <= 16),
      "one click at a reader's pace (drawn ahead), 95th percentile": goal(ms(p95(paced.redraws)), "<= 50 ms", p95(paced.redraws) <= 50),
      "one click at a reader's pace, slowest": ms(Math.max(...paced.redraws)),
      "change of one text node to painted, median (the floor, same run)": ms(median(paced.empty)),
      ...cpuOf(paced, "one click"),
      "two inputs at once in quick succession (nothing drawn ahead), median": ms(median(jumps.redraws)),
      "two inputs at once, 95th percentile": ms(p95(jumps.redraws)),
      "two inputs at once, slowest": ms(Math.max(...jumps.redraws)),
      "change of one text node to painted, median (the floor, quick run)": ms(median(jumps.empty)),
      ...cpuOf(jumps, "two inputs at once")
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
