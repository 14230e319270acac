// DuckDB-WASM's module is one 34 MB file, over the per-file limit of some static hosts (25 MB) and a large download
// for a reader on a phone. After the build it is replaced by a gzip copy (about 7,7 MB); the page unpacks it in the
// browser (src/components/duckdb-module.ts). The copy is kept in Framework's cache folder under the module's own
// hash, so a rebuild does not compress it again and a new DuckDB version gets a new copy.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";

/** The module's file name; the page asks for it with PACKED_SUFFIX behind it. */
export const DUCKDB_MODULE = "duckdb-eh.wasm";
export const PACKED_SUFFIX = ".gz";
/** What the post-build puts in every page's head when the module was packed (read by src/components/duckdb-module.ts). */
export const PACKED_MODULE_META = '<meta name="kv-duckdb-module" content="gzip">';

function* filesNamed(dir: string, name: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* filesNamed(path, name);
    else if (entry === name) yield path;
  }
}

/** Whether `dist` holds a packed module (packed by this build or an earlier post-build of it). */
export function hasPackedModule(dist: string): boolean {
  return !filesNamed(dist, DUCKDB_MODULE + PACKED_SUFFIX).next().done;
}

/**
 * Replaces every DUCKDB_MODULE in `dist` by its gzip copy beside it (taken from `cacheDir` when made before).
 * Returns the packed files with their sizes before and after.
 */
export function packDuckDBModule(dist: string, cacheDir: string): {file: string; bytes: number; packed: number}[] {
  const done = [];
  for (const file of filesNamed(dist, DUCKDB_MODULE)) {
    const bytes = readFileSync(file);
    const cached = join(cacheDir, `${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}${PACKED_SUFFIX}`);
    if (!existsSync(cached)) {
      mkdirSync(cacheDir, {recursive: true});
      // written under a temporary name first: an interrupted build (or two builds at once) never leaves a
      // truncated copy in the cache
      const temporary = `${cached}.${process.pid}.tmp`;
      writeFileSync(temporary, gzipSync(bytes, {level: 9}));
      renameSync(temporary, cached);
    }
    const packed = readFileSync(cached);
    writeFileSync(`${file}${PACKED_SUFFIX}`, packed);
    rmSync(file);
    done.push({file, bytes: bytes.length, packed: packed.length});
  }
  return done;
}
