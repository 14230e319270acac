// Coverage of the stratified 95% interval, by simulation from the reconstruction's latent model (simulate-model.ts).
// Each repetition draws a finite population of N_h municipalities per size class from the model, takes n_h of them
// per class without replacement (the first n_h of N_h independent draws are such a sample), and checks whether the
// interval, with and without the finite population correction, contains
//   (a) the mean of that population of 352 municipalities (what the report's numbers are about), and
//   (b) the model's own mean Σ_h (N_h/N) μ_h (a superpopulation parameter), with μ_h from one large seeded draw.
// Design-based theory says: with fpc for (a), without fpc for (b).
import {modelSampler, type SamplerModel} from "./simulate-model.js";
import {stratifiedMeanInterval, type IntervalDistribution} from "./mean-interval.js";

export interface CoverageOptions {
  scale: string;
  /** N_h per size class. */
  population: Record<string, number>;
  /** n_h per size class (at most N_h). */
  sample: Record<string, number>;
  repetitions?: number;
  seed?: number;
  /** Draws per class for the model mean μ_h (default 20 000). */
  truthDraws?: number;
  distribution?: IntervalDistribution;
}

export interface CoverageResult {
  repetitions: number;
  /** μ_h per class and Σ_h (N_h/N) μ_h, from the large draw. */
  modelClassMeans: Record<string, number>;
  modelMean: number;
  /** Share of repetitions whose interval contained the population's mean (a) and the model mean (b). */
  populationMean: {fpc: number; noFpc: number};
  modelMeanCovered: {fpc: number; noFpc: number};
  /** Mean half-width of the intervals. */
  halfWidth: {fpc: number; noFpc: number};
}

export function coverageSimulation(model: SamplerModel, {scale, population, sample, repetitions = 1000, seed = 1, truthDraws = 20000, distribution = "normal"}: CoverageOptions): CoverageResult {
  const items = model.items.filter((i) => i.scale === scale).map((i) => i.id);
  if (!items.length) throw new Error(`model has no items for scale ${scale}`);
  const classes = Object.keys(population);
  for (const h of classes) if (!(sample[h] >= 2 && sample[h] <= population[h])) throw new Error(`sample size for ${h} must be between 2 and ${population[h]}`);
  const draw = modelSampler(model, items);
  const N = classes.reduce((a, h) => a + population[h], 0);
  const modelClassMeans: Record<string, number> = {};
  classes.forEach((h, k) => {
    const scores = draw({[h]: truthDraws}, seed * 7919 + k + 1).scores[scale];
    modelClassMeans[h] = scores.reduce((a, b) => a + b, 0) / scores.length;
  });
  const modelMean = classes.reduce((s, h) => s + (population[h] / N) * modelClassMeans[h], 0);
  const hits = {popFpc: 0, popNoFpc: 0, modelFpc: 0, modelNoFpc: 0};
  let widthFpc = 0, widthNoFpc = 0;
  for (let r = 0; r < repetitions; r++) {
    const populationDraw = draw(population, seed * 1_000_003 + r);
    const scores = populationDraw.scores[scale];
    const values: number[] = [];
    const strata: string[] = [];
    let popMean = 0;
    let offset = 0;
    for (const h of classes) {
      let sum = 0;
      for (let i = 0; i < population[h]; i++) {
        const v = scores[offset + i];
        sum += v;
        if (i < sample[h]) (values.push(v), strata.push(h));
      }
      popMean += sum / N;
      offset += population[h];
    }
    const a = stratifiedMeanInterval(values, strata, population, {distribution});
    const b = stratifiedMeanInterval(values, strata, population, {distribution, fpc: false});
    if (a.lower <= popMean && popMean <= a.upper) hits.popFpc++;
    if (b.lower <= popMean && popMean <= b.upper) hits.popNoFpc++;
    if (a.lower <= modelMean && modelMean <= a.upper) hits.modelFpc++;
    if (b.lower <= modelMean && modelMean <= b.upper) hits.modelNoFpc++;
    widthFpc += (a.upper - a.lower) / 2;
    widthNoFpc += (b.upper - b.lower) / 2;
  }
  return {
    repetitions,
    modelClassMeans,
    modelMean,
    populationMean: {fpc: hits.popFpc / repetitions, noFpc: hits.popNoFpc / repetitions},
    modelMeanCovered: {fpc: hits.modelFpc / repetitions, noFpc: hits.modelNoFpc / repetitions},
    halfWidth: {fpc: widthFpc / repetitions, noFpc: widthNoFpc / repetitions}
  };
}
