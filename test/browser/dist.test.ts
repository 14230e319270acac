// Checks on the built site as files: served in Dutch, no third-party addresses, no identifiers.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {distDir} from "./harness.ts";

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
const all = [...files(distDir)];
const html = all.filter((f) => f.endsWith(".html"));

describe("built site (dist/)", () => {
  it("has the story, the chapter pages and the data files", () => {
    expect(html.length).toBeGreaterThan(10);
    expect(all.some((f) => /respondents\.[0-9a-f]+\.parquet$/.test(f) || f.endsWith("respondents.parquet"))).toBe(true);
  });

  it('serves every page as <html lang="nl"> and lets readers zoom', () => {
    for (const file of html) {
      const text = readFileSync(file, "utf8");
      expect(text, file).toMatch(/<html lang="nl"/);
      expect(text, file).not.toMatch(/maximum-scale=1/);
    }
  });

  it("parses a chapter's text and first chart without waiting for a script: Framework's classic scripts come last", () => {
    const text = readFileSync(join(distDir, "hoofdstuk/beschikbaarheid.html"), "utf8");
    const firstClassicScript = text.search(/<script>/);
    expect(firstClassicScript).toBeGreaterThan(0);
    expect(firstClassicScript).toBeGreaterThan(text.indexOf("</main>"));
    expect(firstClassicScript).toBeGreaterThan(text.indexOf("story-prerender"));
  });

  it("has no file over a static host's 25 MB limit: DuckDB's module is there only packed, beside its worker", () => {
    expect(all.filter((f) => statSync(f).size > 25 * 2 ** 20)).toEqual([]);
    expect(all.filter((f) => /duckdb-eh(\.[0-9a-f]+)?\.wasm$/.test(f))).toEqual([]);
    expect(all.filter((f) => /_file\/data\/duckdb\/duckdb-eh\.wasm\.[0-9a-f]+\.gz$/.test(f))).toHaveLength(1);
    expect(all.filter((f) => /_file\/data\/duckdb\/duckdb-browser-eh\.worker\.[0-9a-f]+\.js$/.test(f))).toHaveLength(1);
    // nothing of DuckDB-WASM's browser files comes through Framework's npm imports any more
    expect(all.filter((f) => /_node\/@duckdb\/duckdb-wasm@[^/]+\/dist\//.test(f))).toEqual([]);
  });

  it("links no stylesheet, script, font or image from another origin", () => {
    // HTML and CSS: any such address would be fetched. JavaScript: only imports are checked here, since
    // libraries carry unused default URLs as strings (duckdb-wasm's jsDelivr bundles); the browser tests
    // record every request a page actually makes.
    const thirdParty = [/fonts\.googleapis\.com/, /fonts\.gstatic\.com/, /cdn\.jsdelivr\.net/, /unpkg\.com/, /extensions\.duckdb\.org/, /<(?:script|link|img)[^>]+(?:src|href)="https?:\/\//, /@import\s+url\(["']?https?:/];
    for (const file of all.filter((f) => /\.(html|css)$/.test(f))) {
      const text = readFileSync(file, "utf8");
      for (const pattern of thirdParty) expect(text, `${file} ${pattern}`).not.toMatch(pattern);
    }
    for (const file of all.filter((f) => f.endsWith(".js"))) expect(readFileSync(file, "utf8"), file).not.toMatch(/(?:\bfrom\s*|\bimport\s*\(\s*)["']https?:\/\//);
  });

  it("contains none of the survey tool's respondent ids", () => {
    const ids = readFileSync(new URL("../../data/raw/responses.csv", import.meta.url), "utf8").match(/EAS-\d+/g)!;
    expect(ids.length).toBe(107);
    for (const file of all) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from("EAS-")), file).toBe(false);
    }
  });
});
