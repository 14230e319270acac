// Driving the notebook page (/notebook) in a browser test: open a notebook by link, wait for runs, type into a cell.
import type {Browser, Page} from "playwright-core";
import {openPage, type OpenedPage} from "./harness.js";
import {notebookLink} from "../../src/components/notebook/share.js";
import type {Notebook} from "../../src/components/notebook/notebook.js";

/** Finished runs of the whole notebook (data-runs on .notebook). */
export const notebookRuns = (page: Page) => page.evaluate(() => Number((document.querySelector(".notebook") as HTMLElement)?.dataset.runs ?? 0));

/** Waits until the notebook has finished more than `before` runs. */
export async function nextNotebookRun(page: Page, before: number, {timeout = 90_000} = {}): Promise<void> {
  await page.waitForFunction((n) => Number((document.querySelector(".notebook") as HTMLElement)?.dataset.runs ?? 0) > n, before, {timeout});
}

/** Opens `path` (default: a link to `notebook`) and waits for the first run. */
export async function openNotebook(browser: Browser, origin: string, notebook: Notebook | string): Promise<OpenedPage> {
  const path = typeof notebook === "string" ? notebook : notebookLink(notebook);
  const opened = await openPage(browser, origin, path);
  await nextNotebookRun(opened.page, 0);
  return opened;
}

export const cellSelector = (id: string) => `.notebook-cell[data-cell-id="${id}"]`;

/** The text of a cell's status line. */
export const cellStatus = (page: Page, id: string) => page.locator(`${cellSelector(id)} .notebook-cell-status`).innerText();

/** The result table of a SQL cell as text rows (header first). */
export const cellRows = (page: Page, id: string) =>
  page.$$eval(`${cellSelector(id)} .sql-table tr`, (rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent ?? "")));

/** Types `sql` into a SQL cell's editor and runs it with Ctrl+Enter; waits for the run to finish. */
export async function typeInCell(page: Page, id: string, sql: string): Promise<void> {
  await page.click(`${cellSelector(id)} .cm-content`);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(sql);
  const before = await notebookRuns(page);
  await page.keyboard.press("Control+Enter");
  await nextNotebookRun(page, before);
}
