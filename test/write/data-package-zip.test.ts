// The whole data package as one zip (loaders/write/data-package-zip.ts): unzipped, every file datapackage.json
// names is there under that name and is the same as the separate download, and the README says the answers are
// reconstructed. The last block checks the built site (KV_DIST, else dist/): the zip is in it, equal to the writer's
// output, and the downloads page links to it; that block skips when the site has not been built (npm test builds first).
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {unzipSync} from "fflate";
import {beforeAll, describe, expect, test} from "vitest";
import {dataPackageZip, parquetTables, readmeText} from "../../loaders/write/data-package-zip.ts";
import {dataPackage, kennisverkennerSav, respondentsCsv, siteData} from "../../loaders/write/site-export.ts";
import {publishedParquet} from "../../loaders/pipeline/published-parquet.ts";
import {defaultCodebookPath} from "../../loaders/codebook/load-codebook.ts";
import {distDir} from "../browser/harness.ts";
import {describeWith} from "../helpers/prerequisite.ts";

const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let zip: Uint8Array;
let entries: Record<string, Uint8Array>;
let data: Awaited<ReturnType<typeof siteData>>;
beforeAll(async () => {
  zip = await dataPackageZip();
  entries = unzipSync(zip);
  data = await siteData();
}, 60_000);

describe("data package zip", () => {
  test("holds exactly datapackage.json, its resources, codebook.json and README.md, all at the top level", () => {
    const pkg = JSON.parse(utf8(entries["datapackage.json"])) as {resources: {path: string}[]};
    const expected = ["datapackage.json", ...pkg.resources.map((r) => r.path), "codebook.json", "README.md"];
    expect(Object.keys(entries).sort()).toEqual([...expected].sort());
    for (const name of Object.keys(entries)) expect(name).not.toContain("/");
  });

  test("every resource path in datapackage.json is in the zip, with the size and md5 the package gives", () => {
    const pkg = JSON.parse(utf8(entries["datapackage.json"])) as {resources: {path: string; bytes?: number; hash?: string}[]};
    expect(pkg.resources.length).toBe(6);
    for (const r of pkg.resources) {
      expect(entries[r.path], r.path).toBeDefined();
      if (r.bytes !== undefined) expect(entries[r.path].length, r.path).toBe(r.bytes);
      if (r.hash !== undefined) expect(createHash("md5").update(entries[r.path]).digest("hex"), r.path).toBe(r.hash);
    }
  });

  test("the Parquet files are byte-identical to publishedParquet", async () => {
    for (const t of parquetTables) expect(same(entries[`${t}.parquet`], await publishedParquet(t)), `${t}.parquet`).toBe(true);
  });

  test("datapackage.json, respondents.csv, kennisverkenner.sav and codebook.json are the separate downloads' bytes", () => {
    expect(utf8(entries["datapackage.json"])).toBe(JSON.stringify(dataPackage(data), null, 2) + "\n");
    expect(utf8(entries["respondents.csv"])).toBe(respondentsCsv(data));
    expect(same(entries["kennisverkenner.sav"], kennisverkennerSav(data))).toBe(true);
    expect(same(entries["codebook.json"], readFileSync(defaultCodebookPath))).toBe(true);
  });

  test("README.md: Dutch and English, says the answers are reconstructed, names every file, cites the source", () => {
    const readme = utf8(entries["README.md"]);
    expect(readme).toMatch(/gereconstrueerde antwoorden, niet de echte/);
    expect(readme).toMatch(/reconstructed responses, not the real ones/);
    expect(readme).toMatch(/Rathenau Instituut \(2022\), \*Kennis voor lokaal beleid\*/);
    for (const name of Object.keys(entries).filter((n) => n !== "README.md")) {
      expect(readme.split(`\`${name}\`:`).length - 1, name).toBe(2); // once in Dutch, once in English
    }
  });

  test("README.md of an export's zip names the export and never calls it reconstructed", () => {
    const readme = readmeText(dataPackage(data), {respondents: 100, items: 47}, {source: "export", fileName: "eigen-export.sav", readOn: "2026-03-01", checksum: "ab".repeat(32)});
    expect(readme).not.toMatch(/gereconstrueerd|reconstructed/i);
    expect(readme).toContain("**Dit zijn de antwoorden uit de export `eigen-export.sav`** (2026-03-01; SHA-256");
    expect(readme).toContain("**These are the responses from the export `eigen-export.sav`**");
    expect(readme).toMatch(/^100 respondenten/m);
  });

  test("the same data give the same zip bytes (fixed entry dates)", async () => {
    expect(same(await dataPackageZip(), zip)).toBe(true);
  }, 60_000);
});

const built = existsSync(join(distDir, "downloads.html"));

describeWith({present: built, missing: `no built site in ${distDir} (run npm run build)`})("built data package zip", () => {
  test("dist has the zip, equal to dataPackageZip(), and /downloads links to it with its own name", () => {
    const dataDir = join(distDir, "_file", "data", "site");
    const found = readdirSync(dataDir).filter((f) => /^kennisverkenner-data\.[0-9a-f]+\.zip$/.test(f));
    expect(found, `kennisverkenner-data.<hash>.zip in ${dataDir}`).toHaveLength(1);
    expect(same(readFileSync(join(dataDir, found[0])), zip)).toBe(true);
    const html = readFileSync(join(distDir, "downloads.html"), "utf8");
    expect(html).toContain(`_file/data/site/${found[0]}`);
    expect(html).toContain("kennisverkenner-data.zip");
    expect(html).toContain("Alles in één zip");
  });
});
