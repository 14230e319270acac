// After the build DuckDB's module is replaced by a gzip copy: the plain file is gone (no file over a host's limit),
// the copy unpacks to the same bytes, and a rebuild takes the copy from the cache instead of compressing again.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {afterEach, describe, expect, it} from "vitest";
import {hasPackedModule, packDuckDBModule} from "../../scripts/pack-duckdb-wasm.ts";

let dir: string;
afterEach(() => rmSync(dir, {recursive: true, force: true}));

function site(content: Buffer) {
  dir = mkdtempSync(join(tmpdir(), "kv-pack-"));
  const folder = join(dir, "dist", "_node", "@duckdb", "duckdb-wasm@1.32.0", "dist");
  mkdirSync(folder, {recursive: true});
  writeFileSync(join(folder, "duckdb-eh.wasm"), content);
  writeFileSync(join(folder, "duckdb-browser-eh.worker.js"), "// worker");
  return {dist: join(dir, "dist"), folder, cache: join(dir, "cache")};
}

describe("packDuckDBModule", () => {
  it("replaces the module by a gzip copy that unpacks to the same bytes, and leaves other files alone", () => {
    const content = Buffer.from("\0asm".repeat(50_000));
    const {dist, folder, cache} = site(content);
    expect(hasPackedModule(dist)).toBe(false);
    const [packed] = packDuckDBModule(dist, cache);
    expect(hasPackedModule(dist)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(["duckdb-browser-eh.worker.js", "duckdb-eh.wasm.gz"]);
    expect(gunzipSync(readFileSync(join(folder, "duckdb-eh.wasm.gz"))).equals(content)).toBe(true);
    expect(packed.bytes).toBe(content.length);
    expect(packed.packed).toBeLessThan(content.length / 10);
  });

  it("a rebuild with the same module reuses the cached copy; another module gets its own", () => {
    const first = site(Buffer.from("eerste module ".repeat(1000)));
    packDuckDBModule(first.dist, first.cache);
    const [cached] = readdirSync(first.cache);
    const madeAt = statSync(join(first.cache, cached)).mtimeMs;
    writeFileSync(join(first.folder, "duckdb-eh.wasm"), Buffer.from("eerste module ".repeat(1000)));
    rmSync(join(first.folder, "duckdb-eh.wasm.gz"));
    packDuckDBModule(first.dist, first.cache);
    expect(readdirSync(first.cache)).toEqual([cached]);
    expect(statSync(join(first.cache, cached)).mtimeMs).toBe(madeAt);
    expect(existsSync(join(first.folder, "duckdb-eh.wasm.gz"))).toBe(true);
    writeFileSync(join(first.folder, "duckdb-eh.wasm"), Buffer.from("tweede module ".repeat(1000)));
    packDuckDBModule(first.dist, first.cache);
    expect(readdirSync(first.cache)).toHaveLength(2);
    expect(gunzipSync(readFileSync(join(first.folder, "duckdb-eh.wasm.gz"))).toString()).toMatch(/^tweede module/);
  });
});
