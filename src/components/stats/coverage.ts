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

/**
 * A coverage simulation that can be run in steps: `step(k)` runs the next k repetitions (fewer at the end) and
 * returns how many are done. Running all repetitions in any number of steps gives exactly the numbers of
 * `coverageSimulation`, because every repetition has its own seed and the sums are accumulated in the same order.
 * Used by the page's Web Worker (coverage-worker.ts) and by `coverageSimulationChunked` (main thread, yielding).
 */
export interface CoverageRun {
  readonly repetitions: number;
  readonly done: number;
  step(count: number): number;
  /** The result over the repetitions run so far (all of them once `done === repetitions`). */
  result(): CoverageResult;
}

export function coverageRun(model: SamplerModel, {scale, population, sample, repetitions = 1000, seed = 1, truthDraws = 20000, distribution = "normal"}: CoverageOptions): CoverageRun {
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
  let r = 0;
  const repetition = () => {
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
  };
  return {
    repetitions,
    get done() {
      return r;
    },
    step(count) {
      const end = Math.min(repetitions, r + Math.max(0, Math.floor(count)));
      for (; r < end; r++) repetition();
      return r;
    },
    result: () => ({
      repetitions: r,
      modelClassMeans: {...modelClassMeans},
      modelMean,
      populationMean: {fpc: hits.popFpc / r, noFpc: hits.popNoFpc / r},
      modelMeanCovered: {fpc: hits.modelFpc / r, noFpc: hits.modelNoFpc / r},
      halfWidth: {fpc: widthFpc / r, noFpc: widthNoFpc / r}
    })
  };
}

export function coverageSimulation(model: SamplerModel, options: CoverageOptions): CoverageResult {
  const run = coverageRun(model, options);
  run.step(run.repetitions);
  return run.result();
}

export interface ChunkOptions {
  /** Repetitions per task (default 50). */
  chunkSize?: number;
  /** Called after each chunk with the repetitions done so far. */
  onProgress?: (done: number, repetitions: number) => void;
  /** Stops between chunks: the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** How to give the event loop a turn between chunks (default: a macrotask via setTimeout 0). */
  pause?: () => Promise<void>;
}

/** `coverageSimulation` in chunks that yield to the event loop in between (same numbers). */
export async function coverageSimulationChunked(model: SamplerModel, options: CoverageOptions, {chunkSize = 50, onProgress, signal, pause = () => new Promise((ok) => setTimeout(ok, 0))}: ChunkOptions = {}): Promise<CoverageResult> {
  const aborted = () => new DOMException("coverage simulation cancelled", "AbortError");
  if (signal?.aborted) throw aborted();
  const run = coverageRun(model, options);
  onProgress?.(0, run.repetitions);
  while (run.done < run.repetitions) {
    await pause();
    if (signal?.aborted) throw aborted();
    run.step(chunkSize);
    onProgress?.(run.done, run.repetitions);
  }
  return run.result();
}
