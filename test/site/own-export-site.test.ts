// The site built from a publisher's own export (test/site/own-export.ts: 100 respondents, other answers, its own
// file name), in open publication mode (KV_PUBLICATION=open: published as it is) says so everywhere a reader can read or download something, and carries the export's counts.
//
// What is checked for the word "gereconstrueerd" (and "reconstructed: true", "reconstructed responses"): the text of
// every built HTML page (scripts left out), the text the visited pages render, every data file (JSON, CSV, .sav,
// Parquet) and every entry of the zip. Left out, on purpose: JavaScript code (a page's code carries the wording for
// both sources and uses the one the provenance record names), and codebook.json in the zip (the questionnaire's own
// documentation). Allowed: the codebook's notes that a question's wording or answer scale was reconstructed from the
// report; they describe the questionnaire, which is the same whatever export the site is built from.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {basename, join, relative} from "node:path";
import {unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readSiteData} from "../../loaders/pipeline/site-data.ts";
import type {SiteData} from "../../loaders/pipeline/site-data.ts";
import {launchBrowser, openPage, serveDist, distDir as mainDist, type StaticServer} from "../browser/harness.ts";
import {FREE_TEXT, OWN_EXPORT_NAME, OWN_EXPORT_RESPONDENTS, writeOwnExport} from "./own-export.ts";
import {buildExportSite, SITE_BUILD_TIMEOUT} from "./site-build.ts";

let exportFile = "";
let dist = "";

/** Reconstruction talk a site built from an export must not contain (datapackage.json's flag is checked on its own). */
const RECONSTRUCTED = /gereconstrueerd|reconstructed (responses|answers)|kennisverkenner\.provenance.{0,8}reconstructed/gi;

/** The codebook's notes on the questionnaire's wording (see above). */
const CODEBOOK_NOTES = /(formulering|vraagstelling) gereconstrueerd|<em>gereconstrueerd<\/em>|gereconstrueerd: Het rapport|is die gereconstrueerd en staat dat erbij|\(formulering gereconstrueerd\)/gi;

function reconstructionTalk(text: string): string[] {
  return [...text.replace(CODEBOOK_NOTES, "").matchAll(RECONSTRUCTED)].map((m) => text.slice(Math.max(0, m.index! - 60), m.index! + 60));
}

/** The pages (paths) whose text holds `word`, from Framework's serialised MiniSearch index. */
function searchPagesWith(index: {documentIds: Record<string, string>; index: [string, Record<string, Record<string, number>>][]}, word: string): string[] {
  const entry = index.index.find(([term]) => term === word);
  if (!entry) return [];
  const docs = new Set(Object.values(entry[1]).flatMap((byDoc) => Object.keys(byDoc)));
  return [...docs].map((id) => index.documentIds[id]);
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const withoutScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
const builtFile = (pattern: RegExp) => {
  const found = [...files(join(dist, "_file"))].filter((f) => pattern.test(basename(f)));
  expect(found, String(pattern)).toHaveLength(1);
  return found[0];
};

let data: SiteData;
beforeAll(async () => {
  ({exportFile, dist} = await buildExportSite("own-export-site", OWN_EXPORT_NAME, writeOwnExport, {KV_PUBLICATION: "open"}));
  data = await readSiteData({exportFile, publication: "open"});
}, SITE_BUILD_TIMEOUT);

describe("a site built from an own export", () => {
  test("the export itself is read as an export, with its own counts", () => {
    expect(data.provenance.source).toBe("export");
    expect(data.provenance.fileName).toBe(OWN_EXPORT_NAME);
    expect(data.provenance.respondents).toBe(OWN_EXPORT_RESPONDENTS);
    expect(data.provenance.showPrinted).toBe(false);
  });

  test("no page, data file or zip entry calls the data reconstructed", () => {
    const found: string[] = [];
    for (const path of files(dist)) {
      const name = relative(dist, path);
      if (/\.(js|css|wasm|map)$/.test(path)) continue;
      const bytes = readFileSync(path);
      if (path.endsWith(".zip")) {
        for (const [entry, content] of Object.entries(unzipSync(bytes))) {
          if (entry === "codebook.json") continue;
          for (const hit of reconstructionTalk(Buffer.from(content).toString("latin1"))) found.push(`${name}!${entry}: ${hit}`);
          for (const hit of reconstructionTalk(Buffer.from(content).toString("utf8"))) found.push(`${name}!${entry}: ${hit}`);
        }
        continue;
      }
      if (/^_observablehq\/minisearch\.[0-9a-f]+\.json$/.test(name)) {
        // the search index holds words, not sentences: the word may only come from the codebook's wording notes
        for (const page of searchPagesWith(JSON.parse(bytes.toString("utf8")), "gereconstrueerd")) if (page !== "/codebook") found.push(`${name}: ${page}`);
        continue;
      }
      const text = path.endsWith(".html") ? withoutScripts(bytes.toString("utf8")) : bytes.toString(path.endsWith(".sav") ? "latin1" : "utf8");
      for (const hit of reconstructionTalk(text)) found.push(`${name}: ${hit}`);
    }
    expect(found).toEqual([]);
  });

  test("the export's free-text column reaches no built file", () => {
    const needles = [FREE_TEXT, "café-overleg", "toelichting"].map((t) => [Buffer.from(t, "utf8"), Buffer.from(t, "latin1")]).flat();
    const found: string[] = [];
    for (const path of files(dist)) {
      const bytes = readFileSync(path);
      const entries: [string, Buffer][] = path.endsWith(".zip")
        ? Object.entries(unzipSync(bytes)).map(([name, b]) => [`${relative(dist, path)}!${name}`, Buffer.from(b)])
        : [[relative(dist, path), bytes]];
      for (const [name, entry] of entries) for (const needle of needles) if (entry.includes(needle)) found.push(`${name}: ${needle.toString("latin1")}`);
    }
    // "toelichting" is also the codebook's own example of a free-text column name (codebook page, search index).
    expect(found.filter((f) => !/^(codebook\.html|_observablehq\/minisearch\.[0-9a-f]+\.json): toelichting$/.test(f))).toEqual([]);
  });

  test("every page's footer names the export and its count", () => {
    const pages = [...files(dist)].filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const footer = /<footer id="observablehq-footer">([\s\S]*?)<\/footer>/.exec(readFileSync(page, "utf8"))?.[1] ?? "";
      expect(footer, relative(dist, page)).toContain(`Alle cijfers zijn berekend uit de antwoorden van ${OWN_EXPORT_RESPONDENTS} gemeenten uit ${OWN_EXPORT_NAME}`);
    }
  });

  test("datapackage.json, the .sav and the Parquet footers follow the provenance record", () => {
    const pkg = JSON.parse(readFileSync(builtFile(/^datapackage\.[0-9a-f]+\.json$/), "utf8"));
    expect(pkg.reconstructed).toBe(false);
    expect(pkg.description).toContain(`Open publicatie: antwoorden van ${OWN_EXPORT_RESPONDENTS} gemeenten uit de export ${OWN_EXPORT_NAME}`);
    expect(pkg.description).toContain(`Eén rij per gemeente (${OWN_EXPORT_RESPONDENTS})`);
    const sav = readFileSync(builtFile(/^kennisverkenner\.[0-9a-f]+\.sav$/)).toString("utf8");
    expect(sav).toContain(`Kennisverkenner: ${OWN_EXPORT_RESPONDENTS} antwoorden uit ${OWN_EXPORT_NAME}`);
    const parquet = readFileSync(builtFile(/^respondents\.[0-9a-f]+\.parquet$/)).toString("latin1");
    expect(parquet).toContain(OWN_EXPORT_NAME);
    expect(parquet).toContain(data.provenance.checksum);
    const csv = readFileSync(builtFile(/^respondents\.[0-9a-f]+\.csv$/), "utf8").trimEnd().split("\n");
    expect(csv).toHaveLength(OWN_EXPORT_RESPONDENTS + 1);
    const meta = JSON.parse(readFileSync(builtFile(/^survey-meta\.[0-9a-f]+\.json$/), "utf8"));
    expect(meta.provenance).toEqual(JSON.parse(JSON.stringify(data.provenance)));
  });

  test("rebuilding from another export with the same loader cache served the new data (the main build is the reconstruction)", () => {
    if (!existsSync(join(mainDist, "_file", "data"))) {
      if (process.env.CI) throw new Error(`no main build in ${mainDist}: npm test builds it before the tests`);
      return void console.warn(`no main build in ${mainDist}; the comparison with it is left out`);
    }
    const rows = (root: string) => readFileSync([...files(join(root, "_file", "data"))].find((f) => /^respondents\.[0-9a-f]+\.csv$/.test(basename(f)))!, "utf8").trimEnd().split("\n").length - 1;
    const reconstructed = (root: string) => JSON.parse(readFileSync([...files(join(root, "_file", "data"))].find((f) => /^datapackage\.[0-9a-f]+\.json$/.test(basename(f)))!, "utf8")).reconstructed;
    expect([rows(mainDist), reconstructed(mainDist)]).toEqual([107, true]);
    expect([rows(dist), reconstructed(dist)]).toEqual([OWN_EXPORT_RESPONDENTS, false]);
  });
});

describe("the export-built site in a browser", () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) throw new Error("chromium not found (/usr/bin/chromium or CHROMIUM_PATH): the export-built site is checked in a browser");
    server = await serveDist(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function checkPage(path: string) {
    const {page, consoleErrors, foreignRequests} = await openPage(browser, server.origin, path, {waitUntil: "networkidle"});
    try {
      const text = (await page.textContent("#observablehq-main")) ?? "";
      expect(reconstructionTalk(text)).toEqual([]);
      expect(reconstructionTalk((await page.textContent("body")) ?? "")).toEqual([]);
      if (path !== "/codebook") expect(text).toMatch(new RegExp(`\\b${OWN_EXPORT_RESPONDENTS} gemeenten\\b`));
      expect(text).not.toMatch(/\b107\b/);
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }

  test.each(["/", "/methode", "/hoofdstuk/beschikbaarheid", "/beschouwing", "/lab/", "/lab/onzekerheid", "/lab/factoranalyse", "/downloads", "/sql", "/codebook"])(
    "%s shows the export's count and never calls the data reconstructed", checkPage);
});
