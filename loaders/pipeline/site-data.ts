// The data a site is built from: one export, read once per loader process through the pipeline's front door, with its
// provenance record and the survey metadata the pages read. Every Framework data loader in src/data/ starts here, and
// so does observablehq.config.ts (the footer, the loader cache, the refusal of bad input before anything is built).
//
// The publisher chooses the export with environment variables, for `npm run build` and `npm run dev` alike:
//   KV_EXPORT        the export (.csv, Dutch .csv, .sav, .xlsx); relative paths from the project root.
//                    Unset: the reconstructed responses (data/raw/responses.csv).
//   KV_MAPPING       optional mapping file (JSON, see loaders/read/mapping.ts and docs/export-format.md) for that export.
//   KV_SHOW_PRINTED  1: show the report's printed numbers beside the recomputed ones; 0: never. Unset: only for the
//                    reconstruction (for an own export a tick beside a printed number would be false).
//   KV_PUBLICATION   open | protected (loaders/protect/publication-mode.ts). Unset: open for the reconstruction,
//                    protected for an export. Protected: `tables` and `responses` below are synthetic, and the real
//                    responses reach only the protected tables and the disclosure report.
import {readFileSync, statSync} from "node:fs";
import {fileURLToPath} from "node:url";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import type {ProtectedTables} from "../../src/components/story/engine-tables.ts";
import type {PublishedNumbers, SurveyMeta} from "../../src/components/survey/survey-meta.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import type {OutputTable} from "../tables/output-table.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import {kAnonymityOf, publicationMode} from "../protect/publication-mode.ts";
import type {DisclosureReport} from "../protect/protect-data.ts";
import {cachedProtection, protectionKey} from "../protect/protection-cache.ts";
import {exportTables} from "./ingest.ts";
import {dataFingerprint} from "./loader-cache.ts";
import type {Provenance} from "./provenance.ts";
import {readProvenance} from "./provenance.ts";
import {dataStatement, siteProvenance} from "./site-provenance.ts";
import {surveyMeta} from "./survey-meta.ts";

import {loaderCacheDir, siteSource, type Env, type SiteSource} from "./site-source.ts";

const publishedPath = fileURLToPath(new URL("../../data/published.json", import.meta.url));

/**
 * The day the site's data stand for (YYYY-MM-DD, UTC): SOURCE_DATE_EPOCH (the reproducible-builds convention,
 * seconds) when set, else the sidecar's `made_on`, else the day the export file was last saved. Never the day of the
 * build: the same export gives the same site, byte for byte, whenever it is built.
 */
export function exportDay(exportFile: string, sidecar: Provenance, env: Env = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  if (sidecar.made_on) return sidecar.made_on;
  return new Date(statSync(exportFile).mtimeMs).toISOString().slice(0, 10);
}

export interface SiteData {
  tables: OutputTable[];
  responses: SurveyResponses;
  /** The export's own note on how it was made (its sidecar file). */
  sidecar: Provenance;
  provenance: DataProvenance;
  meta: SurveyMeta;
  /** Protected publication mode only: the story's tables and the disclosure report. */
  protection?: {tables: ProtectedTables; disclosure: DisclosureReport};
}

let loading: Promise<SiteData> | undefined;

/**
 * The site's data, read and validated once per process; protected data computed once per build (shared by the data
 * loaders through the loader cache). Bad input: InputError(s) from the pipeline.
 */
export function siteData(): Promise<SiteData> {
  return (loading ??= readSiteData(siteSource(), {cacheDir: loaderCacheDir}));
}

/** Forget the data read so far (the dev server, after the publisher swaps the export). */
export function forgetSiteData(): void {
  loading = undefined;
}

/**
 * The data of one export (siteData() without the per-process memo, for any source). With `cacheDir`, protected data
 * are read from and stored in that loader cache (loaders/protect/protection-cache.ts).
 */
export async function readSiteData(source: SiteSource, {cacheDir}: {cacheDir?: string} = {}): Promise<SiteData> {
  const {exportFile, mappingFile, showPrinted, publication} = source;
  const codebook = loadCodebook();
  const sidecarOf = readProvenance(exportFile);
  const mode = publicationMode(publication, sidecarOf.reconstructed);
  const {tables, responses, report, provenance: sidecar} = await exportTables(exportFile, {codebook, mapping: mappingFile, ...kAnonymityOf(mode)});
  const readOn = exportDay(exportFile, sidecar);
  const record = siteProvenance({exportFile, mappingFile, responses, codebook, sidecar, readOn, kAnonymityOverride: report.override?.reason ?? null});
  const published = JSON.parse(readFileSync(publishedPath, "utf8")) as PublishedNumbers;
  if (mode === "open") {
    const provenance: DataProvenance = {...record, showPrinted: showPrinted ?? record.showPrinted, publication: "open"};
    return {tables, responses, sidecar, provenance, meta: surveyMeta(codebook, published, provenance)};
  }
  // Loaded only when computed: a data loader that finds the result in the cache does without the story's code.
  const compute = async () => (await import("../protect/protect-data.ts")).protectData({tables, codebook, sizeClassCounts: record.sizeClassCounts});
  const protection = cacheDir ? await cachedProtection(cacheDir, protectionKey(dataFingerprint(source), mode), compute) : await compute();
  // A size class of 1-4 is counted nowhere: not per class, not in the total (see protect-data.ts).
  const hidden = protection.hiddenSizeClasses;
  const sizeClassCounts = Object.fromEntries(Object.entries(record.sizeClassCounts).filter(([s]) => !hidden.includes(s)));
  // Size classes the story does not show per role for every measure: the synthetic rows split them anyway (said on the
  // microdata pages, /sql and /notebook).
  const splits = protection.syntheticRoleSplits;
  const counts = {respondents: Object.values(sizeClassCounts).reduce((a, b) => a + b, 0), sizeClassCounts, ...(hidden.length && {hiddenSizeClasses: hidden, rows: protection.synthetic.respondents.length}), ...(splits.length && {syntheticRoleSplits: splits})};
  const base: DataProvenance = {...record, ...counts, showPrinted: showPrinted ?? record.showPrinted, publication: "protected", roleCounts: protection.roleCounts};
  // Every file that carries the export's note (Parquet footers, the zip) says instead what the synthetic data are.
  const {nl: note_nl, en: note_en} = dataStatement(base);
  const provenance: DataProvenance = {...base, note_nl, note_en};
  return {tables: protection.syntheticTables, responses: protection.synthetic, sidecar: {...sidecar, note_nl, note_en}, provenance, meta: surveyMeta(codebook, published, provenance), protection: {tables: protection.tables, disclosure: protection.disclosure}};
}

/** The survey metadata of the site's data. */
export async function siteMeta(): Promise<SurveyMeta> {
  return (await siteData()).meta;
}
