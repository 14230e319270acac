// Builds a site from a generated export with the documented command, KV_EXPORT=<export> npm run build, into its own
// output folder (KV_DIST) under test/.cache/. Each site test file builds its site in its first beforeAll: the site
// project runs its files one after the other (one fork), so two builds never share Framework's loader cache
// (src/.observablehq/cache) at once, while the browser project's tests run beside them on the other core.
// Sharing that cache with the main build also proves that swapping the export and rebuilding never serves the
// previous data (loaders/pipeline/loader-cache.ts).
import {spawn} from "node:child_process";
import {mkdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {projectRoot} from "../../loaders/pipeline/site-source.ts";

export interface BuiltSite {
  /** The export the site was built from. */
  exportFile: string;
  /** The built site (KV_DIST). */
  dist: string;
  /** What the build printed (stdout and stderr). */
  buildLog: string;
}

/** How long a site build may take on a loaded 2-core machine (a quiet one needs about a minute). */
export const SITE_BUILD_TIMEOUT = 900_000;

/**
 * Writes an export with `write` into test/.cache/<folder>/<fileName> and builds the site from it, with extra
 * settings (KV_PUBLICATION is unset unless given). Rejects with the end of the build's output when it fails.
 */
export async function buildExportSite(folder: string, fileName: string, write: (file: string) => void, settings: Record<string, string> = {}): Promise<BuiltSite> {
  const dir = join(projectRoot, "test", ".cache", folder);
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  const exportFile = join(dir, fileName);
  write(exportFile);
  const dist = join(dir, "dist");
  // Asynchronous: the test worker's event loop keeps answering the test runner during the build.
  const child = spawn("npm", ["run", "build"], {cwd: projectRoot, env: {...process.env, KV_PUBLICATION: "", ...settings, KV_EXPORT: exportFile, KV_DIST: dist}});
  let buildLog = "";
  child.stdout.on("data", (chunk) => (buildLog += chunk));
  child.stderr.on("data", (chunk) => (buildLog += chunk));
  const status = await new Promise<number | null>((resolve, reject) => (child.on("error", reject), child.on("close", resolve)));
  const shown = Object.entries(settings).map(([k, v]) => `${k}=${v} `).join("");
  if (status !== 0) throw new Error(`${shown}KV_EXPORT=${exportFile} npm run build failed (exit ${status}):\n${buildLog.slice(-4000)}`);
  return {exportFile, dist, buildLog};
}
