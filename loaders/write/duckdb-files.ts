// DuckDB-WASM's browser files as the site serves them: the worker script and a gzip copy of the module.
// src/data/duckdb.zip.ts zips them; pages name them with FileAttachment (src/components/db.ts), so Framework copies
// them into dist/ like any data file and fetches nothing before a reader asks for SQL.
//
// Why not Framework's npm imports (`import.meta.resolve("@duckdb/duckdb-wasm/...")`): the worker, 0,75 MB of
// JavaScript, was then bundled by rollup on a clean build and parsed three times on every build (module hash, import
// rewriting, preloads), about a tenth of a rebuild; and the 34 MB module, over some static hosts' 25 MB per-file
// limit, had to be swapped for a gzip copy after the build, in dist/ only. A new DuckDB-WASM version makes the files
// again: its version is part of the loaders' fingerprint (loaders/pipeline/loader-cache.ts).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";

const require = createRequire(import.meta.url);

/** The names pages use under data/duckdb/. */
export const DUCKDB_WORKER = "duckdb-browser-eh.worker.js";
export const DUCKDB_MODULE = "duckdb-eh.wasm.gz";

/**
 * The worker (the exception-handling build, a classic script) without its source-map comment, whose map the site
 * does not serve; and the module (about 34 MB) as gzip, about 7,7 MB, which the page unpacks with the browser's
 * DecompressionStream (src/components/duckdb-module.ts).
 */
export function duckdbFiles(): Record<string, Uint8Array> {
  const worker = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), "utf8");
  const module = readFileSync(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  return {
    [DUCKDB_WORKER]: new TextEncoder().encode(worker.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n")),
    [DUCKDB_MODULE]: gzipSync(module, {level: 9})
  };
}
