// Draws new respondents from the reconstruction's latent model (exported by loaders/reconstruct/model-export.ts,
// served as data/site/reconstruction-model.json, made by loaders/write/site-files.ts): correlated topic factors F ~ N(0, R) through R's Cholesky
// factor (ml-matrix), item latent X = λ F_topic + √(1 − λ²) ε + δ_class, cut into codes at the model's cut points.
// Seeded with d3-random's linear congruential generator, so the same seed gives the same respondents everywhere.
// Every respondent answers every item (the model has no nonresponse), so a scale score is the mean of its items.
import {CholeskyDecomposition, Matrix} from "ml-matrix";
import {randomLcg, randomNormal} from "d3-random";

/** One item of the latent model; the pipeline's export (loaders/reconstruct/model-export.ts) extends this type. */
export interface SamplerItem {
  id: string;
  topic: string;
  scale: string | null;
  loading: number;
  codes: number[];
  /** Increasing latent cut points between consecutive codes (codes.length − 1 of them). */
  cuts: number[];
  /** Latent shift per size class. */
  classShift: Record<string, number>;
}

/** The latent model the sampler draws from, as data/site/reconstruction-model.json serves it. */
export interface SamplerModel {
  sizeClasses: string[];
  topics: string[];
  /** Correlations between the topic factors, in the order of `topics`. */
  factorCorrelations: number[][];
  items: SamplerItem[];
}

export interface ModelDraw {
  /** Size class of each drawn respondent, class by class in the order of `perClass`. */
  sizeClass: string[];
  /** Codes per item id (only the items drawn). */
  codes: Record<string, number[]>;
  /** Scale score (mean of the scale's items) per scale, per respondent. */
  scores: Record<string, number[]>;
}

export interface DrawOptions {
  seed: number;
  /** Restrict the draw to these items (default: all); scales are scored only if all their items are drawn. */
  items?: string[];
}

/** The lower Cholesky factor of the topic correlations (throws if they are not positive definite). */
export function factorCholesky(model: SamplerModel): number[][] {
  const cholesky = new CholeskyDecomposition(new Matrix(model.factorCorrelations));
  if (!cholesky.isPositiveDefinite()) throw new Error("factor correlations are not positive definite");
  return cholesky.lowerTriangularMatrix.to2DArray();
}

/** Code for a latent value: the first code whose upper cut lies above it. */
export function codeFor(latent: number, cuts: readonly number[], codes: readonly number[]): number {
  let k = 0;
  while (k < cuts.length && latent > cuts[k]) k++;
  return codes[k];
}

/**
 * Draws `perClass[c]` respondents of size class c from the model and returns their codes and scale scores.
 * A sampler made once with `modelSampler` is faster when drawing many times from the same model.
 */
export function drawFromModel(model: SamplerModel, perClass: Record<string, number>, options: DrawOptions): ModelDraw {
  return modelSampler(model, options.items)(perClass, options.seed);
}

/** Prepares the model once (Cholesky factor, item and scale indices); returns (perClass, seed) => draw. */
export function modelSampler(model: SamplerModel, itemIds?: string[]): (perClass: Record<string, number>, seed: number) => ModelDraw {
  const lower = factorCholesky(model);
  const topicIndex = new Map(model.topics.map((t, i) => [t, i]));
  const items = itemIds ? itemIds.map((id) => model.items.find((i) => i.id === id) ?? fail(`model has no item ${id}`)) : model.items;
  const itemTopic = items.map((i) => topicIndex.get(i.topic) ?? fail(`item ${i.id}: unknown topic ${i.topic}`));
  const uniqueWeight = items.map((i) => Math.sqrt(1 - i.loading ** 2));
  const scales = [...new Set(model.items.map((i) => i.scale).filter((s): s is string => s !== null))]
    .map((scale) => ({scale, members: model.items.filter((i) => i.scale === scale).map((i) => items.indexOf(i))}))
    .filter((s) => s.members.every((k) => k >= 0));
  const T = model.topics.length;
  return (perClass, seed) => {
    const normal = randomNormal.source(randomLcg(seed))(0, 1);
    const z = new Float64Array(T);
    const f = new Float64Array(T);
    const sizeClass: string[] = [];
    const codes: number[][] = items.map(() => []);
    for (const [c, n] of Object.entries(perClass)) {
      if (!model.sizeClasses.includes(c)) throw new Error(`unknown size class ${c}`);
      for (let r = 0; r < n; r++) {
        sizeClass.push(c);
        for (let t = 0; t < T; t++) z[t] = normal();
        for (let t = 0; t < T; t++) {
          let s = 0;
          for (let u = 0; u <= t; u++) s += lower[t][u] * z[u];
          f[t] = s;
        }
        items.forEach((item, k) => {
          const latent = item.loading * f[itemTopic[k]] + uniqueWeight[k] * normal() + (item.classShift[c] ?? 0);
          codes[k].push(codeFor(latent, item.cuts, item.codes));
        });
      }
    }
    const scores = Object.fromEntries(scales.map(({scale, members}) => [scale, sizeClass.map((_, r) => members.reduce((s, k) => s + codes[k][r], 0) / members.length)]));
    return {sizeClass, codes: Object.fromEntries(items.map((item, k) => [item.id, codes[k]])), scores};
  };
}

function fail(message: string): never {
  throw new Error(message);
}
