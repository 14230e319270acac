// Builds the one site of the test suite that comes from a publisher's own export (test/site/own-export.ts), with the
// documented command: KV_EXPORT=<export> npm run build, into its own output folder (KV_DIST). Runs once per vitest
// run, before the site tests; the reconstructed build in dist/ is left as it is.
// The build shares Framework's loader cache with the main build (src/.observablehq/cache), so it also proves that
// swapping the export and rebuilding never serves the previous data (loaders/pipeline/loader-cache.ts).
import {spawnSync} from "node:child_process";
import {mkdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {projectRoot} from "../../loaders/pipeline/site-data.ts";
import {OWN_EXPORT_NAME, writeOwnExport} from "./own-export.ts";

export const exportSiteDir = join(projectRoot, "test", ".cache", "own-export-site");

export default function setup(project: TestProject) {
  rmSync(exportSiteDir, {recursive: true, force: true});
  mkdirSync(exportSiteDir, {recursive: true});
  const exportFile = join(exportSiteDir, OWN_EXPORT_NAME);
  writeOwnExport(exportFile);
  const dist = join(exportSiteDir, "dist");
  const build = spawnSync("npm", ["run", "build"], {
    cwd: projectRoot,
    env: {...process.env, KV_EXPORT: exportFile, KV_DIST: dist},
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024
  });
  if (build.status !== 0) throw new Error(`KV_EXPORT=${exportFile} npm run build failed (exit ${build.status}):\n${build.stderr.slice(-4000)}`);
  project.provide("ownExportSite", {exportFile, dist, buildLog: build.stdout + build.stderr});
}

declare module "vitest" {
  export interface ProvidedContext {
    ownExportSite: {exportFile: string; dist: string; buildLog: string};
  }
}
