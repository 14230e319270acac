// `npm run bench -- sql-survey`: a group-by over the survey tables in the SQL workbench page, once DuckDB is loaded
// (goal: under 50 ms). Drives /sql of the built site as a reader would (type, Ctrl+Enter) and reads the
// workbench's own elapsed time per query.
import {launchBrowser, serveDist} from "../browser/harness.ts";
import {openWorkbench, typeAndRun} from "../browser/workbench-page.ts";

const queries = [
  "SELECT size_class, role, count(*) AS n, avg(beschikbaarheid) AS b, avg(kennismanagement) AS k FROM respondents GROUP BY ALL ORDER BY ALL",
  "SELECT item_id, code, count(*) AS n FROM answers GROUP BY ALL ORDER BY ALL"
];
const ROUNDS = 10;

export default async function bench(): Promise<Record<string, string | number>> {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const {page} = await openWorkbench(browser, server.origin);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const sql of queries) {
        const value = await typeAndRun(page, `${sql} -- ${round}`);
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
