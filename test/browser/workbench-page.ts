// Driving the SQL workbench (/sql) in a browser test: its value, waiting for a run, typing and running a query.
import type {Browser, Page} from "playwright-core";
import {openPage, type OpenedPage} from "./harness.js";

/** The workbench's `value` after a run (see WorkbenchValue in src/components/sql/workbench.ts). */
export interface WorkbenchValue {
  sql: string;
  columns: {name: string; kind: string}[];
  rows: unknown[][];
  rowCount: number;
  elapsedMs: number;
  error: string | null;
  access: "offline" | "remote";
}

export const workbenchValue = (page: Page) => page.evaluate(() => (document.querySelector(".sql-workbench") as any)?.value) as Promise<WorkbenchValue>;
export const finishedRuns = (page: Page) => page.evaluate(() => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0));

/** Waits until the workbench has finished one more run than `before`, and gives its value. */
export async function nextResult(page: Page, before: number, {timeout = 60_000} = {}): Promise<WorkbenchValue> {
  await page.waitForFunction((n) => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0) > n, before, {timeout});
  return workbenchValue(page);
}

/** Types `sql` into the editor (replacing what is there) and runs it with Ctrl+Enter, as a reader would. */
export async function typeAndRun(page: Page, sql: string, options: {timeout?: number} = {}): Promise<WorkbenchValue> {
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(sql);
  const before = await finishedRuns(page);
  await page.keyboard.press("Control+Enter");
  return nextResult(page, before, options);
}

/** Opens `path` and waits for the first run (the default example or the query of a link). */
export async function openWorkbench(browser: Browser, origin: string, path = "/sql"): Promise<OpenedPage> {
  const opened = await openPage(browser, origin, path);
  await opened.page.waitForFunction(() => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0) > 0, null, {timeout: 90_000});
  return opened;
}
