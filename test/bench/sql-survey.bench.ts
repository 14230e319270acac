// `npm run bench -- sql-survey`: a group-by over the survey tables in the SQL workbench page, once DuckDB is loaded
// (goal: under 50 ms). Drives /sql of the built site as a reader would (type, Ctrl+Enter) and reads the
// workbench's own elapsed time per query.
import {launchBrowser, openPage, serveDist} from "../browser/harness.ts";

const queries = [
  "SELECT size_class, role, count(*) AS n, avg(beschikbaarheid) AS b, avg(kennismanagement) AS k FROM respondents GROUP BY ALL ORDER BY ALL",
  "SELECT item_id, code, count(*) AS n FROM answers GROUP BY ALL ORDER BY ALL"
];
const ROUNDS = 10;

export default async function bench(): Promise<Record<string, string | number>> {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const {page} = await openPage(browser, server.origin, "/sql");
    const runs = () => page.evaluate(() => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0));
    await page.waitForFunction(() => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0) > 0, null, {timeout: 90_000});
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const sql of queries) {
        await page.click(".cm-content");
        await page.keyboard.press("Control+A");
        await page.keyboard.insertText(`${sql} -- ${round}`);
        const before = await runs();
        await page.keyboard.press("Control+Enter");
        await page.waitForFunction((n) => Number((document.querySelector(".sql-workbench") as HTMLElement)?.dataset.runs ?? 0) > n, before, {timeout: 60_000});
        const value = await page.evaluate(() => (document.querySelector(".sql-workbench") as any).value);
        if (value.error) throw new Error(`query failed: ${value.error}`);
        times.push(value.elapsedMs);
      }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    return {
      "queries (2 group-bys x rounds)": times.length,
      "survey-table group-by in /sql, median ms (goal < 50)": Math.round(median * 10) / 10,
      "survey-table group-by in /sql, slowest ms": Math.round(times.at(-1)! * 10) / 10,
      "goal met": median < 50 ? "yes" : "no"
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
