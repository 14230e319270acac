// The built codebook and downloads pages (KV_DIST, else dist/): the files are there and equal what the writers
// produce, nothing identifying is in them, and the pages pass axe-core (WCAG 2.1 AA) with no foreign requests.
// Needs the built site (npm test builds it first): see test/helpers/prerequisite.ts.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {dataPackage, kennisverkennerSav, respondentsCsv, siteData} from "../../loaders/write/site-export.ts";
import {distDir, launchBrowser, openPage, seriousAxeViolations, serveDist, type StaticServer} from "../browser/harness.ts";
import {describeWith} from "../helpers/prerequisite.ts";

const built = existsSync(join(distDir, "downloads.html"));

describeWith({present: built, missing: `no built site in ${distDir} (run npm run build)`})("built downloads", () => {
  const dataDir = join(distDir, "_file", "data", "site");
  const file = (pattern: RegExp) => join(dataDir, readdirSync(dataDir).find((f) => pattern.test(f))!);
  let data: Awaited<ReturnType<typeof siteData>>;
  beforeAll(async () => {
    data = await siteData();
  });

  test("kennisverkenner.sav, respondents.csv and datapackage.json are the writers' output", () => {
    expect(Buffer.from(readFileSync(file(/^kennisverkenner\.[0-9a-f]+\.sav$/))).equals(Buffer.from(kennisverkennerSav(data)))).toBe(true);
    expect(readFileSync(file(/^respondents\.[0-9a-f]+\.csv$/), "utf8")).toBe(respondentsCsv(data));
    expect(JSON.parse(readFileSync(file(/^datapackage\.[0-9a-f]+\.json$/), "utf8"))).toEqual(JSON.parse(JSON.stringify(dataPackage(data))));
  });

  test("the data package's sizes match the built files it describes", () => {
    const pkg = JSON.parse(readFileSync(file(/^datapackage\.[0-9a-f]+\.json$/), "utf8")) as {resources: {path: string; bytes?: number}[]};
    for (const r of pkg.resources) {
      const [base, ext] = [r.path.slice(0, r.path.lastIndexOf(".")), r.path.slice(r.path.lastIndexOf(".") + 1)];
      const path = file(new RegExp(`^${base}\\.[0-9a-f]+\\.${ext}$`));
      if (r.bytes !== undefined) expect(readFileSync(path).length, r.path).toBe(r.bytes);
    }
  });

  test("no survey-tool ids, no withheld function kinds in the downloads", () => {
    const functies = data.codebook.background.find((b) => b.id === "functie")!.values;
    for (const f of [/^kennisverkenner\./, /^respondents\.[0-9a-f]+\.csv$/, /^datapackage\./]) {
      const text = readFileSync(file(f)).toString("latin1");
      expect(text).not.toMatch(/EAS-\d/);
      for (const v of functies) expect(text.includes(`,${v},`) || text.includes(`"${v}"`), v).toBe(false);
    }
  });
});

describeWith({present: built && existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"), missing: `a built site in ${distDir} (npm run build) and Debian's chromium (apt-get install chromium)`})("codebook and downloads pages in a browser", () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(["/codebook", "/downloads"])("%s: Dutch, says where the answers come from, no serious axe violations in the content, no foreign requests", async (path) => {
    const {page, consoleErrors, foreignRequests} = await openPage(browser, server.origin, path, {waitUntil: "networkidle"});
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    // The main build is the reconstruction; test/site/ checks a site built from an export.
    if (path === "/downloads") expect(await page.textContent("main")).toMatch(/gereconstrueerde antwoorden, niet de echte\. De 107 antwoorden/i);
    else expect(await page.textContent("#observablehq-footer")).toMatch(/gereconstrueerd/);
    expect(await seriousAxeViolations(page, "main")).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    if (path === "/downloads") {
      const links = await page.$$eval("table.downloads a[download]", (as) => as.map((a) => [a.getAttribute("download"), (a as HTMLAnchorElement).href]));
      expect(links.map(([name]) => name)).toEqual(["kennisverkenner.sav", "respondents.csv", "respondents.parquet", "answers.parquet", "items.parquet", "response_options.parquet", "datapackage.json"]);
      for (const [name, href] of links) {
        const response = await page.request.get(href!);
        expect(response.status(), name!).toBe(200);
      }
    }
    await page.context().close();
  }, 120_000);
});
