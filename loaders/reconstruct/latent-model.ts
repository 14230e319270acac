import {CholeskyDecomposition, Matrix} from "ml-matrix";
import {baseFactorCorrelation, factorCorrelations, topics, type Topic} from "./design.ts";
import type {Random} from "./random.ts";

/** The invented correlation matrix of the latent topics. */
export function factorCorrelationMatrix(): number[][] {
  const index = new Map(topics.map((t, i) => [t, i]));
  const r: number[][] = topics.map((_, i) => topics.map((_, j) => (i === j ? 1 : baseFactorCorrelation)));
  for (const [a, b, value] of factorCorrelations) {
    r[index.get(a)!][index.get(b)!] = value;
    r[index.get(b)!][index.get(a)!] = value;
  }
  return r;
}

/** One row of correlated standard-normal factor scores per respondent: F = L z, with L L' = R (Cholesky, ml-matrix). */
export function drawFactors(count: number, random: Random): Record<Topic, number>[] {
  const cholesky = new CholeskyDecomposition(new Matrix(factorCorrelationMatrix()));
  if (!cholesky.isPositiveDefinite()) throw new Error("invalid factor correlations: matrix is not positive definite");
  const lower = cholesky.lowerTriangularMatrix;
  return Array.from({length: count}, () => {
    const z = Matrix.columnVector(topics.map(() => random.normal()));
    const f = lower.mmul(z).to1DArray();
    return Object.fromEntries(topics.map((t, i) => [t, f[i]])) as Record<Topic, number>;
  });
}

/**
 * Codes from latent values by rank: the lowest counts[0] values get the first code, and so on.
 * This keeps the exact target distribution and the latent correlations (a Gaussian copula).
 */
export function assignByRank(latent: {key: number; value: number}[], counts: readonly number[], codes: readonly number[]): Map<number, number> {
  if (counts.reduce((a, b) => a + b, 0) !== latent.length) throw new Error(`counts add up to ${counts.reduce((a, b) => a + b, 0)}, not ${latent.length}`);
  const sorted = latent.slice().sort((a, b) => a.value - b.value || a.key - b.key);
  const result = new Map<number, number>();
  let position = 0;
  counts.forEach((count, k) => {
    for (let i = 0; i < count; i++) result.set(sorted[position++].key, codes[k]);
  });
  return result;
}
