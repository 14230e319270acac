// What observablehq.config.ts needs from the site's data, computed once when Framework reads the configuration (before
// `observable build` or `observable preview` runs any loader): stale loader output is cleared, the export is read and
// checked, and the footer is worded from the provenance record. Bad input stops here, with the pipeline's message and
// no stack trace, before anything is written to the output folder.
import {join} from "node:path";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import {InputError, InputErrors} from "../input-error.ts";
import {clearStaleLoaderCache, dataFingerprint} from "./loader-cache.ts";
import {projectRoot, siteData, siteSource} from "./site-data.ts";
import {footerHtml} from "./site-footer.ts";

/** Framework's cache of loader output for the site's source root (src/). */
export const loaderCacheDir = join(projectRoot, "src", ".observablehq", "cache");

export interface SiteConfigData {
  provenance: DataProvenance;
  footer: string;
}

export async function siteConfigData(): Promise<SiteConfigData> {
  try {
    // Checked first: a bad export leaves the cache (and the output folder) as they were.
    const {provenance} = await siteData();
    clearStaleLoaderCache(loaderCacheDir, dataFingerprint(siteSource()));
    return {provenance, footer: footerHtml(provenance)};
  } catch (error) {
    if (!(error instanceof InputError || error instanceof InputErrors)) throw error;
    console.error(`The site is not built: the export does not pass the pipeline's checks.\n${error.message}`);
    process.exit(1);
  }
}
