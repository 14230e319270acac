// The loader cache is keyed on the site's data: a changed export, mapping or codebook setting clears the cached
// loader output (Framework would otherwise serve it, even in `observable build`), an unchanged one keeps it.
import {mkdtempSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync, existsSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {CHECKED_DATA_FILE, checkedData, clearStaleLoaderCache, dataFingerprint, FINGERPRINT_FILE, recordCheckedData} from "../../loaders/pipeline/loader-cache.ts";
import {reconstructedExport} from "../../loaders/pipeline/site-source.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kv-loader-cache-"));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

function fakeCache(): string {
  const cache = join(dir, "cache");
  mkdirSync(join(cache, "data"), {recursive: true});
  mkdirSync(join(cache, "_node", "htl@0.3.1"), {recursive: true});
  writeFileSync(join(cache, "data", "survey-meta.json"), "{}");
  writeFileSync(join(cache, "_node", "htl@0.3.1", "index.js"), "export {}");
  return cache;
}

describe("data fingerprint", () => {
  test("changes with the export's bytes, the mapping and the settings; not with nothing", () => {
    const exportFile = join(dir, "export.csv");
    writeFileSync(exportFile, readFileSync(reconstructedExport));
    const base = dataFingerprint({exportFile}, {});
    expect(dataFingerprint({exportFile}, {})).toBe(base);
    const mapping = join(dir, "mapping.json");
    writeFileSync(mapping, '{"columns": {}}');
    expect(dataFingerprint({exportFile, mappingFile: mapping}, {})).not.toBe(base);
    expect(dataFingerprint({exportFile}, {KV_SHOW_PRINTED: "1"})).not.toBe(base);
    // Switching the publication mode rebuilds the data: open and protected builds share nothing.
    expect(dataFingerprint({exportFile}, {KV_PUBLICATION: "protected"})).not.toBe(base);
    expect(dataFingerprint({exportFile}, {KV_PUBLICATION: "open"})).not.toBe(dataFingerprint({exportFile}, {KV_PUBLICATION: "protected"}));
    writeFileSync(exportFile, readFileSync(reconstructedExport, "utf8").replace(",3,", ",2,"));
    expect(dataFingerprint({exportFile}, {})).not.toBe(base);
  });

  test("changes with the day the export was saved (the provenance record states it)", () => {
    const exportFile = join(dir, "export.csv");
    writeFileSync(exportFile, "a\n");
    utimesSync(exportFile, new Date("2026-01-01T12:00:00Z"), new Date("2026-01-01T12:00:00Z"));
    const before = dataFingerprint({exportFile}, {});
    utimesSync(exportFile, new Date("2026-01-02T12:00:00Z"), new Date("2026-01-02T12:00:00Z"));
    expect(dataFingerprint({exportFile}, {})).not.toBe(before);
  });
});

describe("clearing stale loader output", () => {
  test("a new fingerprint removes every loader output and keeps Framework's own bundles", () => {
    const cache = fakeCache();
    expect(clearStaleLoaderCache(cache, "a")).toEqual(["data"]);
    expect(existsSync(join(cache, "data"))).toBe(false);
    expect(existsSync(join(cache, "_node", "htl@0.3.1", "index.js"))).toBe(true);
    expect(readFileSync(join(cache, FINGERPRINT_FILE), "utf8").trim()).toBe("a");
  });

  test("the same fingerprint keeps the outputs; another one clears them again", () => {
    const cache = fakeCache();
    clearStaleLoaderCache(cache, "a");
    mkdirSync(join(cache, "data"));
    writeFileSync(join(cache, "data", "survey-meta.json"), "{}");
    expect(clearStaleLoaderCache(cache, "a")).toEqual([]);
    expect(readdirSync(join(cache, "data"))).toEqual(["survey-meta.json"]);
    expect(clearStaleLoaderCache(cache, "b")).toEqual(["data"]);
    expect(existsSync(join(cache, "data"))).toBe(false);
  });

  test("a cache folder that does not exist yet is made, with the fingerprint", () => {
    const cache = join(dir, "new", "cache");
    expect(clearStaleLoaderCache(cache, "a")).toEqual([]);
    expect(readFileSync(join(cache, FINGERPRINT_FILE), "utf8").trim()).toBe("a");
  });
});

describe("the record of checked data", () => {
  const provenance = {source: "export", fileName: "x.csv", respondents: 3} as unknown as import("../../src/components/survey/provenance.ts").DataProvenance;

  test("is read back only for the fingerprint it was made from", () => {
    const cache = join(dir, "cache");
    expect(checkedData(cache, "a")).toBeUndefined();
    recordCheckedData(cache, "a", {provenance});
    expect(checkedData(cache, "a")).toEqual({provenance});
    expect(checkedData(cache, "b")).toBeUndefined();
  });

  test("keeps the disclosure summary of a protected publication, so that every build can print it", () => {
    const cache = join(dir, "cache");
    recordCheckedData(cache, "p", {provenance, disclosureSummary: "Disclosure report (KV_PUBLICATION=protected): ..."});
    expect(checkedData(cache, "p")?.disclosureSummary).toBe("Disclosure report (KV_PUBLICATION=protected): ...");
  });

  test("goes with the outputs when the fingerprint changes; an unreadable record is not trusted", () => {
    const cache = join(dir, "cache");
    clearStaleLoaderCache(cache, "a");
    recordCheckedData(cache, "a", {provenance});
    clearStaleLoaderCache(cache, "b");
    expect(existsSync(join(cache, CHECKED_DATA_FILE))).toBe(false);
    writeFileSync(join(cache, CHECKED_DATA_FILE), '{"fingerprint": "b", "provenance":');
    expect(checkedData(cache, "b")).toBeUndefined();
  });
});
