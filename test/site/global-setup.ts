// Builds the one site of the test suite that comes from a publisher's own export (test/site/own-export.ts), with the
// documented command: KV_EXPORT=<export> npm run build, into its own output folder (KV_DIST). Runs once per vitest
// run, before the site tests; the reconstructed build in dist/ is left as it is.
// The build shares Framework's loader cache with the main build (src/.observablehq/cache), so it also proves that
// swapping the export and rebuilding never serves the previous data (loaders/pipeline/loader-cache.ts).
// The own export is built in open publication mode (KV_PUBLICATION=open: published as it is, the behaviour before
// publication modes). A second build, from a real-looking export with a group of 4 (test/site/protected-export.ts),
// takes the default for an export, protected publication, for test/site/protected-site.test.ts.
import {spawnSync} from "node:child_process";
import {mkdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {projectRoot} from "../../loaders/pipeline/site-data.ts";
import {OWN_EXPORT_NAME, writeOwnExport} from "./own-export.ts";
import {PROTECTED_EXPORT_NAME, writeProtectedExport} from "./protected-export.ts";

export const exportSiteDir = join(projectRoot, "test", ".cache", "own-export-site");
export const protectedSiteDir = join(projectRoot, "test", ".cache", "protected-site");

/** KV_EXPORT=<export> npm run build into `dist`, with extra settings; the build's output for the tests. */
function build(exportFile: string, dist: string, settings: Record<string, string> = {}): string {
  const run = spawnSync("npm", ["run", "build"], {
    cwd: projectRoot,
    env: {...process.env, KV_PUBLICATION: "", ...settings, KV_EXPORT: exportFile, KV_DIST: dist},
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024
  });
  const shown = Object.entries(settings).map(([k, v]) => `${k}=${v} `).join("");
  if (run.status !== 0) throw new Error(`${shown}KV_EXPORT=${exportFile} npm run build failed (exit ${run.status}):\n${run.stderr.slice(-4000)}`);
  return run.stdout + run.stderr;
}

export default function setup(project: TestProject) {
  rmSync(exportSiteDir, {recursive: true, force: true});
  mkdirSync(exportSiteDir, {recursive: true});
  const exportFile = join(exportSiteDir, OWN_EXPORT_NAME);
  writeOwnExport(exportFile);
  const dist = join(exportSiteDir, "dist");
  project.provide("ownExportSite", {exportFile, dist, buildLog: build(exportFile, dist, {KV_PUBLICATION: "open"})});

  rmSync(protectedSiteDir, {recursive: true, force: true});
  mkdirSync(protectedSiteDir, {recursive: true});
  const protectedExport = join(protectedSiteDir, PROTECTED_EXPORT_NAME);
  writeProtectedExport(protectedExport);
  const protectedDist = join(protectedSiteDir, "dist");
  project.provide("protectedSite", {exportFile: protectedExport, dist: protectedDist, buildLog: build(protectedExport, protectedDist)});
}

declare module "vitest" {
  export interface ProvidedContext {
    ownExportSite: {exportFile: string; dist: string; buildLog: string};
    protectedSite: {exportFile: string; dist: string; buildLog: string};
  }
}
