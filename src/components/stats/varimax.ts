// Varimax rotation with Kaiser normalisation, the algorithm of R's stats::varimax (which psych's
// fa(rotate = "varimax") calls, and which converges to the same optimum as SPSS's and GPArotation::Varimax): rows
// are scaled to unit length, the rotation is updated by an SVD step.
// Stopping rule, as stats::varimax: with d the sum of the singular values of the update matrix B, stop as soon as
// d < d_previous · (1 + eps), i.e. when the criterion grows by less than a relative eps = 1e-5, or after 1000
// iterations; normalize = TRUE (Kaiser) by default. test/stats/factor-diagnostics.test.ts checks the rule: the
// same loadings and the same iteration count as stats::varimax (counted in scripts/r/factor-diagnostics.R) for
// eps 1e-5, eps 1e-2 and normalize = FALSE.
import {multiply, svd, transpose, identity, type Mat} from "./matrix.js";
import {canonicalOrder} from "./factor-solution.js";

export interface VarimaxResult {
  loadings: Mat;
  rotation: Mat;
  iterations: number;
  /** The stopping rule was met before maxIter (stats::varimax does not say; it stops silently at 1000). */
  converged: boolean;
}

/** stats::varimax's defaults. */
export const VARIMAX_DEFAULTS = {normalize: true, eps: 1e-5, maxIter: 1000} as const;

export function varimax(a: Mat, {normalize = VARIMAX_DEFAULTS.normalize, eps = VARIMAX_DEFAULTS.eps, maxIter = VARIMAX_DEFAULTS.maxIter}: {normalize?: boolean; eps?: number; maxIter?: number} = {}): VarimaxResult {
  const k = a[0]?.length ?? 0;
  if (k < 2) return {loadings: a.map((row) => row.slice()), rotation: identity(k), iterations: 0, converged: true};
  const p = a.length;
  const scale = a.map((row) => (normalize ? Math.sqrt(row.reduce((s, v) => s + v * v, 0)) : 1));
  const x = a.map((row, i) => row.map((v) => v / scale[i]));
  let T = identity(k);
  let d = 0;
  let iterations = 0;
  let converged = false;
  for (let iter = 0; iter < maxIter; iter++) {
    iterations = iter + 1;
    const z = multiply(x, T);
    const colSq = Array.from({length: k}, (_, j) => z.reduce((s, row) => s + row[j] ** 2, 0) / p);
    const inner = z.map((row) => row.map((v, j) => v ** 3 - v * colSq[j]));
    const B = multiply(transpose(x), inner);
    const s = svd(B);
    T = multiply(s.u, transpose(s.v));
    const dPast = d;
    d = s.d.reduce((acc, v) => acc + v, 0);
    if (d < dPast * (1 + eps)) {
      converged = true;
      break;
    }
  }
  const z = multiply(x, T).map((row, i) => row.map((v) => v * scale[i]));
  return {loadings: z, rotation: T, iterations, converged};
}

/** Varimax followed by the library's canonical factor order and signs. */
export function varimaxCanonical(a: Mat, options: {normalize?: boolean; eps?: number; maxIter?: number} = {}): Mat {
  return canonicalOrder(varimax(a, options).loadings).loadings;
}
