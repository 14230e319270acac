// Every data file the site's pages read, made in one process from one read of the site's data (KV_EXPORT, see
// loaders/pipeline/site-data.ts): the published tables (Parquet, CSV, SPSS, the data package and its zip), the survey
// metadata, the protected tables and disclosure report, and the reconstruction's model and design for the lab.
// src/data/site.zip.ts zips them and Framework unpacks each file a page names (data/site/<name>). One process rather
// than a loader per file: every loader process starts tsx, loads the pipeline and reads the export again, about 2,5 s
// each on two cores, which was half of a clean build.
import {siteData} from "../pipeline/site-data.ts";
import {baseFactorCorrelation, factorCorrelations, itemDesign, seed} from "../reconstruct/design.ts";
import {exportReconstructionModel} from "../reconstruct/model-export.ts";
import {dataPackageFiles, zipDataPackage} from "./data-package-zip.ts";
import {siteData as siteExportData} from "./site-export.ts";

const text = (s: string) => new TextEncoder().encode(s);
const json = (value: unknown) => text(JSON.stringify(value));

/** The site's data files by name (the names the pages use under data/site/). */
export async function siteFiles(): Promise<Record<string, Uint8Array>> {
  const data = await siteData();
  const published = await siteExportData();
  // The downloads (/downloads), among them the Parquet tables DuckDB-WASM and the story read, and all of them in one zip.
  const packageFiles = await dataPackageFiles(published);
  const files: Record<string, Uint8Array> = {
    // The codebook, the report's printed numbers and the data's provenance, for every page.
    "survey-meta.json": json(data.meta),
    ...packageFiles,
    "kennisverkenner-data.zip": zipDataPackage(published, packageFiles)
  };
  // Protected publication: the story's aggregates with small groups suppressed, and which cells were and why. In open
  // mode only {"publication": "open"}.
  files["protected-tables.json"] = json(data.protection?.tables ?? {publication: "open"});
  files["disclosure-report.json"] = json(data.protection?.disclosure ?? {publication: "open"});
  // The reconstruction's latent model (the coverage simulation on /lab/onzekerheid; pages cannot import from
  // loaders/) and the parameters it invented (/lab/synthetisch: the seed, each item's loading, the topics'
  // correlations; the questions themselves come from survey-meta.json).
  files["reconstruction-model.json"] = json(exportReconstructionModel(published.codebook, data.meta.published.tables));
  const loadings = Object.fromEntries(Object.entries(itemDesign).map(([id, design]) => [id, design.loading]));
  files["reconstruction-design.json"] = json({seed, baseFactorCorrelation, factorCorrelations, loadings});
  return files;
}
