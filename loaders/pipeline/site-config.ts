// What observablehq.config.ts needs from the site's data, computed once when Framework reads the configuration (before
// `observable build` or `observable preview` runs any loader): stale loader output is cleared, the export is read and
// checked, the footer is worded from the provenance record, and in protected publication mode the disclosure summary is
// printed for the publisher: on every build, also when every loader's output is kept from the build before. Bad input
// stops here, with the pipeline's message and no stack trace, before anything is written to the output folder. Data
// with the fingerprint of data checked before (the same export's bytes, settings and pipeline code) are not read again:
// their provenance record is on file.
import {readdirSync, utimesSync, watchFile} from "node:fs";
import {join} from "node:path";
import {defaultCodebookPath} from "../codebook/load-codebook.ts";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import {InputError, InputErrors} from "../input-error.ts";
import {checkedData, clearStaleLoaderCache, dataFingerprint, recordCheckedData, type CheckedData} from "./loader-cache.ts";
import {loaderCacheDir, projectRoot, siteSource, type SiteSource} from "./site-source.ts";
import {footerHtml} from "./site-footer.ts";

export {loaderCacheDir};

export interface SiteConfigData {
  provenance: DataProvenance;
  footer: string;
}

export async function siteConfigData(): Promise<SiteConfigData> {
  try {
    const source = siteSource();
    const fingerprint = dataFingerprint(source);
    // Checked before the cache is touched: a bad export leaves the cache (and the output folder) as they were. The
    // pipeline is loaded only for data not checked before (loading it alone takes over a second).
    const checked = checkedData(loaderCacheDir, fingerprint);
    const {provenance, disclosureSummary} = checked ?? (await checkData());
    clearStaleLoaderCache(loaderCacheDir, fingerprint);
    if (!checked) recordCheckedData(loaderCacheDir, fingerprint, {provenance, disclosureSummary});
    if (disclosureSummary) process.stderr.write(disclosureSummary + "\n");
    if (process.argv[2] === "preview") watchForSwaps(source);
    return {provenance, footer: footerHtml(provenance)};
  } catch (error) {
    if (!(error instanceof InputError || error instanceof InputErrors)) throw error;
    console.error(`The site is not built: the export does not pass the pipeline's checks.\n${error.message}`);
    process.exit(1);
  }
}

/** Reads and checks the site's data (./site-data.ts), and words the disclosure summary of a protected publication. */
async function checkData(): Promise<CheckedData> {
  const data = await (await import("./site-data.ts")).siteData();
  const report = data.protection?.disclosure;
  if (!report) return {provenance: data.provenance};
  const {disclosureSummary} = await import("../protect/disclosure-summary.ts");
  return {provenance: data.provenance, disclosureSummary: disclosureSummary(report)};
}

let watching = false;

/**
 * `npm run dev`: when the export, the mapping or the codebook changes on disk, the next page load shows the new data.
 * Touching the configuration makes Framework read it again (this module then checks the new export, clears the
 * loader cache and words the footer anew); touching the data loaders makes the open pages reload their data.
 */
function watchForSwaps(source: SiteSource): void {
  if (watching) return;
  watching = true;
  const dataLoaders = join(projectRoot, "src", "data");
  const swapped = async () => {
    (await import("./site-data.ts")).forgetSiteData();
    const now = new Date();
    utimesSync(join(projectRoot, "observablehq.config.ts"), now, now);
    for (const name of readdirSync(dataLoaders)) if (/\.[a-z]+\.ts$/.test(name)) utimesSync(join(dataLoaders, name), now, now);
  };
  for (const file of [source.exportFile, source.mappingFile, defaultCodebookPath]) if (file) watchFile(file, {interval: 1000}, swapped).unref();
}
