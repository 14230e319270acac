// `npm run bench -- sql-export`: a CSV download of ten million rows from the SQL workbench (/sql of the built site),
// and how long the page's main thread was blocked meanwhile (the longest task the browser reports). The export is
// written batch by batch as DuckDB streams the rows, so no single step should hold the page for long.
// KV_BENCH_EXPORT_ROWS sets the number of rows (default 10 000 000).
import {statSync} from "node:fs";
import {launchBrowser, serveDist} from "../browser/harness.ts";
import {openWorkbench, typeAndRun} from "../browser/workbench-page.ts";

const rows = Number(process.env.KV_BENCH_EXPORT_ROWS ?? 10_000_000);

export default async function bench(): Promise<Record<string, string | number>> {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const {page} = await openWorkbench(browser, server.origin);
    await typeAndRun(page, `SELECT range AS i, 'rij ' || range AS naam, range / 7 AS deel FROM range(${rows})`, {timeout: 300_000});
    // Long tasks (over 50 ms) while the file is written: the page cannot answer a click during one.
    await page.evaluate(() => {
      const w = window as any;
      w.__longTasks = [];
      new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({type: "longtask"});
    });
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 600_000}), page.getByRole("button", {name: "Download CSV"}).click()]);
    const path = await download.path();
    const seconds = (Date.now() - started) / 1000;
    const longTasks: number[] = await page.evaluate(() => (window as any).__longTasks);
    const longest = Math.max(0, ...longTasks);
    return {
      "rows exported as CSV": rows,
      "file size, MB": Math.round(statSync(path!).size / 1e6),
      "export until the download starts, s": Math.round(seconds * 10) / 10,
      "longest main-thread task during the export, ms (goal < 250)": Math.round(longest),
      "main-thread tasks over 50 ms": longTasks.length,
      "goal met": longest < 250 ? "yes" : "no"
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
