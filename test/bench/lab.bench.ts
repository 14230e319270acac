// Methodology lab: how long the model sampler and the coverage simulation take (node), and how long each lab page
// takes in headless chromium until its last chart is drawn (needs a build in dist/ or $KV_DIST).
import {readFileSync} from "node:fs";
import {performance} from "node:perf_hooks";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {exportReconstructionModel} from "../../loaders/reconstruct/model-export.ts";
import {coverageSimulation, modelSampler} from "../../src/components/stats/index.js";
import {launchBrowser, openPage, serveDist} from "../browser/harness.ts";

const ms = (t: number) => Math.round(performance.now() - t);

export default async function (): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = {};
  let t = performance.now();
  const published = JSON.parse(readFileSync("data/published.json", "utf8"));
  const model = exportReconstructionModel(loadCodebook(), published.tables);
  figures["model export incl. reconstruct() (ms)"] = ms(t);

  const sampler = modelSampler(model);
  t = performance.now();
  sampler({"<25.000": 10000, "25.001-50.000": 10000, "50.001-100.000": 10000, ">100.000": 10000}, 1);
  figures["draw 40 000 respondents × 47 items (ms)"] = ms(t);

  const population = {"<25.000": 123, "25.001-50.000": 141, "50.001-100.000": 56, ">100.000": 32};
  const sample = {"<25.000": 28, "25.001-50.000": 40, "50.001-100.000": 13, ">100.000": 20};
  t = performance.now();
  const result = coverageSimulation(model, {scale: "beschikbaarheid", population, sample, repetitions: 1000, seed: 42});
  figures["coverage simulation, Tabel 1, 1000 repetitions (ms)"] = ms(t);
  figures["coverage of population mean with / without fpc"] = `${result.populationMean.fpc} / ${result.populationMean.noFpc}`;
  figures["coverage of model mean with / without fpc"] = `${result.modelMeanCovered.fpc} / ${result.modelMeanCovered.noFpc}`;

  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const waits: Record<string, string> = {
      "": "main h3", steekproef: "[data-testid=tabel1-gewogen]", onzekerheid: "[data-testid=dekking]", "non-respons": "figure[data-figure='Lab N2'] svg",
      factoranalyse: "[data-loadings] svg", betrouwbaarheid: "figure svg", likert: "figure[data-figure='Lab L3'] svg", grim: "figure svg", synthetisch: "figure svg"
    };
    for (const [name, selector] of Object.entries(waits)) {
      t = performance.now();
      const {page} = await openPage(browser, server.origin, `/lab/${name}`);
      await page.waitForSelector(selector, {timeout: 60_000});
      figures[`/lab/${name} until ${selector} (ms)`] = ms(t);
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
