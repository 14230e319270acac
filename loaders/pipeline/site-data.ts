// The data a site is built from: one export, read once per loader process through the pipeline's front door, with its
// provenance record and the survey metadata the pages read. Every Framework data loader in src/data/ starts here.
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import type {PublishedNumbers, SurveyMeta} from "../../src/components/survey/survey-meta.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import type {OutputTable} from "../tables/output-table.ts";
import {exportTables} from "./ingest.ts";
import type {Provenance} from "./provenance.ts";
import {siteProvenance} from "./site-provenance.ts";
import {surveyMeta} from "./survey-meta.ts";

/** The reconstructed responses: the site's data unless a publisher names an export. */
export const reconstructedExport = fileURLToPath(new URL("../../data/raw/responses.csv", import.meta.url));
const publishedPath = fileURLToPath(new URL("../../data/published.json", import.meta.url));

export interface SiteData {
  tables: OutputTable[];
  /** The export's own note on how it was made (its sidecar file), written into every Parquet footer. */
  sidecar: Provenance;
  provenance: DataProvenance;
  meta: SurveyMeta;
}

let loading: Promise<SiteData> | undefined;

/** The site's data, read and validated once per process. */
export function siteData(): Promise<SiteData> {
  return (loading ??= (async () => {
    const exportFile = reconstructedExport;
    const codebook = loadCodebook();
    const {tables, responses, provenance: sidecar} = await exportTables(exportFile, {codebook});
    const provenance = siteProvenance({exportFile, responses, codebook, sidecar});
    const published = JSON.parse(readFileSync(publishedPath, "utf8")) as PublishedNumbers;
    return {tables, sidecar, provenance, meta: surveyMeta(codebook, published, provenance)};
  })());
}

/** The survey metadata of the site's data. */
export async function siteMeta(): Promise<SurveyMeta> {
  return (await siteData()).meta;
}
