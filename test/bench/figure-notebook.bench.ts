// `npm run bench -- figure-notebook`: opening a story figure as a notebook, until its chart shows, against opening
// the same figure's `/sql?q=` link until its result shows, in the same headless chromium over the built site. Each
// is opened cold (a fresh browser context) a few times; the medians are compared. Goal: under 1,5x.
import {siteMeta} from "../../loaders/pipeline/site-data.js";
import {figureQuery} from "../../src/components/story/figure.js";
import {figureNotebookLink, type FigureQuery} from "../../src/components/story/figure-notebook.js";
import {defaultFilter} from "../../src/components/filters.js";
import {sqlLink} from "../../src/components/sql/link.js";
import {launchBrowser, serveDist} from "../browser/harness.js";
import type {Browser} from "playwright-core";

const GOAL = 1.5;
const RUNS = Number(process.env.KV_BENCH_RUNS ?? 3);
/** The smallest and the largest notebook of the story: one scale; eight items of four answers. */
const FIGURES: {number: string; query: FigureQuery | null}[] = [
  {number: "Tabel 1", query: {kind: "means", scales: ["beschikbaarheid"]}},
  {number: "Figuur 16", query: null}
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds from navigation until `ready` holds in the page, in a fresh context. */
async function timeOpen(browser: Browser, url: string, ready: string): Promise<number> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "nl-NL"});
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, {waitUntil: "commit"});
    await page.waitForFunction(ready, null, {timeout: 120_000, polling: 20});
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

export default async function bench(): Promise<Record<string, string | number>> {
  const meta = await siteMeta();
  const server = await serveDist();
  const browser = await launchBrowser();
  const figures: Record<string, string | number> = {};
  try {
    for (const {number, query} of FIGURES) {
      const spec: FigureQuery = query ?? {kind: "distribution", items: meta.figureItems[number]};
      const notebook = figureNotebookLink({number, title: number, query: spec, filter: defaultFilter({sizeClasses: meta.sizeClasses, roles: meta.roles}), meta}, "/notebook");
      const sql = figureQuery(number, meta);
      if (!notebook || !sql) throw new Error(`invalid figure for the bench: ${number}`);
      const notebookReady = `document.querySelector('.notebook-cell[data-cell-id="grafiek-1"] svg') !== null`;
      const workbenchReady = `Number(document.querySelector(".sql-workbench")?.dataset.runs ?? 0) > 0 && document.querySelector(".sql-table table, .sql-table tr") !== null`;
      const asNotebook: number[] = [];
      const asQuery: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        asQuery.push(await timeOpen(browser, server.origin + sqlLink(sql, {page: "/sql"}), workbenchReady));
        asNotebook.push(await timeOpen(browser, server.origin + notebook, notebookReady));
      }
      const ratio = median(asNotebook) / median(asQuery);
      figures[`${number}: /sql?q= link until its result shows (median ms)`] = Math.round(median(asQuery));
      figures[`${number}: as a notebook until its chart shows (median ms)`] = Math.round(median(asNotebook));
      figures[`${number}: notebook / query link`] = `${ratio.toFixed(2).replace(".", ",")}x (goal < ${String(GOAL).replace(".", ",")}x: ${ratio < GOAL ? "met" : "not met"})`;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
