// Framework 1.13 keeps each data loader's output in <root>/.observablehq/cache/<path> and judges it by one thing: the
// modification time of the loader's own source file. `observable build` goes further and uses a cached output even
// when the loader is newer ("[using stale]"). Neither looks at what a loader reads, so swapping the export, the
// mapping or the codebook and rebuilding would ship the previous data. Touching the loaders would not help the build.
//
// So the site's data have a fingerprint (everything a data loader reads), recorded next to the cache. When it
// changes, every loader output is removed before Framework looks; the loaders then run again, in `observable build`
// and `observable preview` alike. observablehq.config.ts does this at config time, which both commands go through
// before any loader runs. Framework's own caches (folders starting with "_": bundled npm modules, DuckDB, search
// index) do not depend on the data and stay.
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync} from "node:fs";
import {join, relative} from "node:path";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import {defaultCodebookPath} from "../codebook/load-codebook.ts";
import {provenancePath} from "./provenance.ts";
import {projectRoot, type SiteSource} from "./site-source.ts";

/** The file beside the cached outputs that records the fingerprint they were made from. */
export const FINGERPRINT_FILE = ".kennisverkenner-data-fingerprint";

/** Settings that change what the loaders write. */
const SETTINGS = ["KV_SHOW_PRINTED", "KV_PUBLICATION", "SOURCE_DATE_EPOCH"];

/** Packages whose files a data loader copies into the site (src/data/duckdb.zip.ts): a new version is new output. */
const COPIED_PACKAGES = ["@duckdb/duckdb-wasm"];

/** Folders of code that data loaders import: any change there may change their output. */
const CODE_FOLDERS = ["loaders", "src/components"];

function* filesUnder(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else if (/\.(ts|js|json)$/.test(name)) yield path;
  }
}

/** A direct dependency's installed version (its manifest is not always among its exports, so read from its folder). */
function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(projectRoot, "node_modules", name, "package.json"), "utf8")) as {version: string}).version;
}

/**
 * SHA-256 over the export's bytes (and its modification day, which the provenance record states), its sidecar, the
 * mapping file, the codebook and its schema, the report's printed numbers, the settings above, the loaders' code and
 * the versions of the packages they copy.
 */
export function dataFingerprint(source: SiteSource, env: Record<string, string | undefined> = process.env): string {
  const hash = createHash("sha256");
  const add = (label: string, bytes: string | Uint8Array) => hash.update(`\u0000${label}\u0000`).update(bytes);
  add("export", readFileSync(source.exportFile));
  add("export day", new Date(statSync(source.exportFile).mtimeMs).toISOString().slice(0, 10));
  add("export name", source.exportFile);
  const sidecar = provenancePath(source.exportFile);
  if (existsSync(sidecar)) add("sidecar", readFileSync(sidecar));
  if (source.mappingFile) add("mapping", readFileSync(source.mappingFile));
  for (const path of [defaultCodebookPath, join(projectRoot, "data/codebook.schema.json"), join(projectRoot, "data/published.json")]) add(relative(projectRoot, path), readFileSync(path));
  for (const name of SETTINGS) add(name, env[name] ?? "");
  for (const folder of CODE_FOLDERS) for (const path of filesUnder(join(projectRoot, folder))) add(relative(projectRoot, path), readFileSync(path));
  for (const name of COPIED_PACKAGES) add(name, packageVersion(name));
  return hash.digest("hex");
}

/**
 * Removes every cached loader output under `cacheDir` unless it was made from `fingerprint`, then records it.
 * Returns the removed top-level entries (empty when the cache was fresh).
 */
export function clearStaleLoaderCache(cacheDir: string, fingerprint: string): string[] {
  const record = join(cacheDir, FINGERPRINT_FILE);
  if (existsSync(record) && readFileSync(record, "utf8").trim() === fingerprint) return [];
  mkdirSync(cacheDir, {recursive: true});
  const removed = readdirSync(cacheDir).filter((name) => !name.startsWith("_") && name !== FINGERPRINT_FILE);
  for (const name of removed) rmSync(join(cacheDir, name), {recursive: true, force: true});
  writeFileSync(record, fingerprint + "\n");
  return removed;
}

/**
 * The file beside the cached outputs that holds what checking the data last read gave (./site-config.ts), with their
 * fingerprint. Its name does not start with "_": a new fingerprint clears it with the outputs.
 */
export const CHECKED_DATA_FILE = ".kennisverkenner-checked-data.json";

/** What a build learned from checking the data: the provenance record, and the disclosure summary a protected publication prints. */
export interface CheckedData {
  provenance: DataProvenance;
  disclosureSummary?: string;
}

/**
 * What checking the data with `fingerprint` gave, when a build read and checked exactly those data before (the
 * export's bytes, settings and the pipeline's code are all in the fingerprint); else undefined. The configuration
 * then words the footer and prints the disclosure summary without reading the export again, which costs seconds on
 * every rebuild.
 */
export function checkedData(cacheDir: string, fingerprint: string): CheckedData | undefined {
  const path = join(cacheDir, CHECKED_DATA_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, "utf8")) as {fingerprint?: string} & Partial<CheckedData>;
    if (record.fingerprint !== fingerprint || !record.provenance) return undefined;
    return {provenance: record.provenance, ...(record.disclosureSummary != null && {disclosureSummary: record.disclosureSummary})};
  } catch {
    return undefined; // an unreadable record (an interrupted write): read the data again
  }
}

/** Records that the data with `fingerprint` passed the pipeline's checks, and what checking them gave. */
export function recordCheckedData(cacheDir: string, fingerprint: string, checked: CheckedData): void {
  mkdirSync(cacheDir, {recursive: true});
  const path = join(cacheDir, CHECKED_DATA_FILE);
  // A temporary name first: a build stopped halfway never leaves half a record.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({fingerprint, ...checked}));
  renameSync(temporary, path);
}
