// Protected publication computes its tables, synthetic responses and disclosure report once per build, not once per
// process: the configuration, the site's data files (src/data/site.zip.ts) and the first charts
// (src/components/story/prerender.zip.ts) each read the site's data in a process of their own, and each would
// otherwise spend seconds on the same result. The first process writes it to a file in Framework's loader cache folder, under
// a key made of the site data's fingerprint (loaders/pipeline/loader-cache.ts: the export's bytes, the mapping, the
// codebook, the printed numbers, the settings and all the loaders' code) and the publication mode; the others read it.
// A changed export, setting or line of code gives another key, so a stale result is never served. The folder starts
// with "_" so that clearing stale loader output (which happens after the configuration has read the data, and so after
// the first result is written) keeps it; only the current key's file is kept in it.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {ProtectedData} from "./protect-data.ts";

/** The folder, inside the loader cache, of the protected results. */
export const PROTECTION_CACHE_FOLDER = "_kennisverkenner-protection";

/** The key of one build's protected result: the site data's fingerprint and the publication mode. */
export function protectionKey(fingerprint: string, mode: string): string {
  return createHash("sha256").update(`${fingerprint}\u0000${mode}`).digest("hex");
}

type Stored = ProtectedData & {key: string};

/**
 * The protected data of `key`: read from `cacheDir` when an earlier process of the build stored them, else computed
 * and stored (written to a temporary file and renamed, so a reader never sees half a file). A file that cannot be read
 * is computed again.
 */
export async function cachedProtection(cacheDir: string, key: string, compute: () => Promise<ProtectedData>): Promise<ProtectedData> {
  const dir = join(cacheDir, PROTECTION_CACHE_FOLDER);
  const file = join(dir, `${key}.json`);
  if (existsSync(file)) {
    try {
      const {key: stored, ...data} = JSON.parse(readFileSync(file, "utf8")) as Stored;
      if (stored === key) return data;
    } catch {
      // Removed or replaced by another build between the check and the read: compute it.
    }
  }
  const data = await compute();
  mkdirSync(dir, {recursive: true});
  for (const name of readdirSync(dir)) if (name.endsWith(".json") && name !== `${key}.json`) rmSync(join(dir, name), {force: true});
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({key, ...data} satisfies Stored));
  renameSync(temporary, file);
  return data;
}
