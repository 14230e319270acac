// Which export the site is built from, and with which settings (KV_EXPORT, KV_MAPPING, KV_SHOW_PRINTED,
// KV_PUBLICATION; see site-data.ts). Kept apart from reading the data: the configuration names the source and
// fingerprints it on every build, and reads the export itself only when it has not checked those bytes before.
import {existsSync, statSync} from "node:fs";
import {isAbsolute, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {PublicationMode} from "../../src/components/survey/provenance.ts";
import {InputError} from "../input-error.ts";
import {publicationSetting} from "../protect/publication-mode.ts";

/** The project root: relative KV_EXPORT / KV_MAPPING paths start here, whatever the working directory. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
/** The reconstructed responses: the site's data unless a publisher names an export. */
export const reconstructedExport = fileURLToPath(new URL("../../data/raw/responses.csv", import.meta.url));
/** Framework's cache of loader output for the site's source root (src/). */
export const loaderCacheDir = join(projectRoot, "src", ".observablehq", "cache");

/** The files and settings the site's data come from. */
export interface SiteSource {
  exportFile: string;
  mappingFile?: string;
  /** KV_SHOW_PRINTED: true / false when set explicitly, undefined when the data decide. */
  showPrinted?: boolean;
  /** KV_PUBLICATION when set explicitly, undefined when the data decide. */
  publication?: PublicationMode;
}

export type Env = Record<string, string | undefined>;

function existingFile(variable: string, value: string): string {
  const path = isAbsolute(value) ? value : resolve(projectRoot, value);
  if (!existsSync(path)) throw new InputError({file: path, expected: `an existing file (named by ${variable}=${value}; relative paths start at the project root)`, found: "no such file"});
  if (!statSync(path).isFile()) throw new InputError({file: path, expected: `a file (named by ${variable})`, found: "a directory"});
  return path;
}

/** Reads KV_EXPORT, KV_MAPPING and KV_SHOW_PRINTED; a named file that does not exist is an InputError. */
export function siteSource(env: Env = process.env): SiteSource {
  const exportFile = env.KV_EXPORT ? existingFile("KV_EXPORT", env.KV_EXPORT) : reconstructedExport;
  const mappingFile = env.KV_MAPPING ? existingFile("KV_MAPPING", env.KV_MAPPING) : undefined;
  const flag = env.KV_SHOW_PRINTED;
  if (flag !== undefined && flag !== "" && flag !== "0" && flag !== "1")
    throw new InputError({file: "environment variable KV_SHOW_PRINTED", expected: "1 (show the report's printed numbers) or 0 (never show them)", found: flag});
  return {exportFile, mappingFile, showPrinted: flag === "1" ? true : flag === "0" ? false : undefined, publication: publicationSetting(env)};
}
