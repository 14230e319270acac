// DuckDB-WASM's browser files as the site serves them: the module packed to under a static host's file limit and
// unpacking to the installed bytes; the worker the installed classic script, without a map the site does not serve.
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {afterAll, describe, expect, it} from "vitest";
import {DUCKDB_MODULE, DUCKDB_WORKER, duckdbFiles} from "../../loaders/write/duckdb-files.ts";

const require = createRequire(import.meta.url);
const cacheDir = mkdtempSync(join(tmpdir(), "kv-duckdb-packed-"));
afterAll(() => rmSync(cacheDir, {recursive: true, force: true}));
const files = duckdbFiles(cacheDir);

describe("duckdbFiles", () => {
  it("are the worker and the module, by the names db.ts asks for", () => {
    expect(Object.keys(files).sort()).toEqual([DUCKDB_WORKER, DUCKDB_MODULE].sort());
    const db = readFileSync(new URL("../../src/components/db.ts", import.meta.url), "utf8");
    for (const name of Object.keys(files)) expect(db).toContain(`FileAttachment("../data/duckdb/${name}")`);
  });

  it("pack the module under 25 MB, unpacking to exactly the installed module", () => {
    const module = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
    expect(files[DUCKDB_MODULE].length).toBeLessThan(25 * 2 ** 20);
    expect(gunzipSync(files[DUCKDB_MODULE]).equals(module)).toBe(true);
  });

  it("keep the packed module under the module's hash and take it from there the next time", () => {
    const [kept] = readdirSync(cacheDir);
    expect(kept).toMatch(/^[0-9a-f]{32}\.gz$/);
    expect(readFileSync(join(cacheDir, kept)).equals(files[DUCKDB_MODULE])).toBe(true);
    // what the next call returns is the kept copy, not a new packing
    writeFileSync(join(cacheDir, kept), "kept copy");
    expect(new TextDecoder().decode(duckdbFiles(cacheDir)[DUCKDB_MODULE])).toBe("kept copy");
    expect(readdirSync(cacheDir)).toEqual([kept]);
  });

  it("keep the worker a classic script, with only its source-map comment dropped", () => {
    const installed = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), "utf8");
    const served = new TextDecoder().decode(files[DUCKDB_WORKER]);
    expect(installed).toMatch(/sourceMappingURL/);
    expect(served).not.toMatch(/sourceMappingURL/);
    expect(served.startsWith('"use strict";var duckdb=(()=>{')).toBe(true);
    expect(installed.startsWith(served.trimEnd())).toBe(true);
  });
});
