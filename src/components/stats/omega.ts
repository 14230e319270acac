// McDonald's omega total from a one-factor solution of the correlation matrix: the share of the (standardised)
// sum score's variance that the common factor explains. Unlike alpha it does not assume equal loadings.
// The factor is fitted by minres (psych's default). Two denominators are in use, and they differ by the residual
// correlations the one-factor model leaves:
// - model-implied total variance: ω = (Σλ)² / ((Σλ)² + Σ(1 - λ²)), the sum score's variance if the model held
//   exactly (McDonald 1999; what many texts and SEM programs report);
// - observed total variance, as psych::omega computes omega.tot: ω = (Vt - Σ(1 - λ²)) / Vt with Vt = ΣᵢΣⱼ rᵢⱼ,
//   the actual variance of the standardised sum score.
// Where the model fits well the two agree to the third decimal; where it does not, neither is to be trusted alone.
import type {Mat} from "./matrix.js";
import {minres} from "./minres.js";
import {principalAxis} from "./principal-axis.js";
import type {FactorSolution} from "./factor-solution.js";

export interface Omega {
  /** ω total with the model-implied total variance (Σλ)² + Σ(1 - λ²). */
  omegaModel: number;
  /** ω total with the observed total variance ΣR, as psych::omega's omega.tot. */
  omegaObserved: number;
  loadings: number[];
  /** The one-factor fit (convergence, Heywood cases). */
  solution: FactorSolution;
}

/** ω total with the model-implied total variance. */
export function omegaTotalFromLoadings(loadings: number[]): number {
  const sum = loadings.reduce((a, b) => a + b, 0);
  const unique = loadings.reduce((s, l) => s + (1 - l * l), 0);
  return (sum * sum) / (sum * sum + unique);
}

/** ω total with the observed total variance of the standardised sum score (psych::omega's omega.tot). */
export function omegaTotalObserved(r: Mat, loadings: number[]): number {
  const total = r.reduce((s, row) => s + row.reduce((t, v) => t + v, 0), 0);
  const unique = loadings.reduce((s, l) => s + (1 - l * l), 0);
  return (total - unique) / total;
}

export function omegaTotal(r: Mat, {method = "minres" as "minres" | "pa"} = {}): Omega {
  const solution = method === "minres" ? minres(r, 1) : principalAxis(r, 1, {minErr: 1e-12, maxIter: 10_000});
  const loadings = solution.loadings.map((row) => row[0]);
  return {omegaModel: omegaTotalFromLoadings(loadings), omegaObserved: omegaTotalObserved(r, loadings), loadings, solution};
}
