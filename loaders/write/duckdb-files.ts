// DuckDB-WASM's browser files as the site serves them: the worker script and a gzip copy of the module.
// src/data/duckdb.zip.ts zips them; pages name them with FileAttachment (src/components/db.ts), so Framework copies
// them into dist/ like any data file and fetches nothing before a reader asks for SQL.
//
// Why not Framework's npm imports (`import.meta.resolve("@duckdb/duckdb-wasm/...")`): the worker, 0,75 MB of
// JavaScript, was then bundled by rollup on a clean build and parsed three times on every build (module hash, import
// rewriting, preloads), about a tenth of a rebuild; and the 34 MB module, over some static hosts' 25 MB per-file
// limit, had to be swapped for a gzip copy after the build, in dist/ only. A new DuckDB-WASM version makes the files
// again: its version is part of the loaders' fingerprint (loaders/pipeline/loader-cache.ts).
//
// A new fingerprint (another export, any edit in loaders/ or src/components/) clears every loader's output, this
// one's too, so the gzip copy (3 s at level 9) is kept apart, under the module's hash, in a cache folder that
// clearing spares.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {loaderCacheDir} from "../pipeline/site-source.ts";

const require = createRequire(import.meta.url);

/** The names pages use under data/duckdb/. */
export const DUCKDB_WORKER = "duckdb-browser-eh.worker.js";
export const DUCKDB_MODULE = "duckdb-eh.wasm.gz";

/** Where gzip copies of the module are kept: a folder starting with "_" survives a new fingerprint. */
export const PACKED_MODULE_CACHE = join(loaderCacheDir, "_duckdb-packed");

/** The module as gzip, level 9: from `cacheDir` when packed before, else packed and kept there. */
function packedModule(module: Buffer, cacheDir: string): Uint8Array {
  const cached = join(cacheDir, `${createHash("sha256").update(module).digest("hex").slice(0, 32)}.gz`);
  if (existsSync(cached)) return readFileSync(cached);
  const packed = gzipSync(module, {level: 9});
  mkdirSync(cacheDir, {recursive: true});
  // A temporary name first: an interrupted build (or two builds at once) never leaves a truncated copy.
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, packed);
  renameSync(temporary, cached);
  return packed;
}

/**
 * The worker (the exception-handling build, a classic script) without its source-map comment, whose map the site
 * does not serve; and the module (about 34 MB) as gzip, about 7,7 MB, which the page unpacks with the browser's
 * DecompressionStream (src/components/duckdb-module.ts).
 */
export function duckdbFiles(cacheDir = PACKED_MODULE_CACHE): Record<string, Uint8Array> {
  const worker = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), "utf8");
  const module = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  return {
    [DUCKDB_WORKER]: new TextEncoder().encode(worker.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n")),
    [DUCKDB_MODULE]: packedModule(module, cacheDir)
  };
}
