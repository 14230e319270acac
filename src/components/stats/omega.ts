// McDonald's omega total from a one-factor solution of the correlation matrix:
// ω = (Σλ)² / ((Σλ)² + Σ(1 - λ²)), the share of the (standardised) sum score's variance that the common factor
// explains. Unlike alpha it does not assume equal loadings. The factor is fitted by minres (psych's default).
import type {Mat} from "./matrix.js";
import {minres} from "./minres.js";
import {principalAxis} from "./principal-axis.js";

export interface Omega {
  omega: number;
  loadings: number[];
}

export function omegaTotalFromLoadings(loadings: number[]): number {
  const sum = loadings.reduce((a, b) => a + b, 0);
  const unique = loadings.reduce((s, l) => s + (1 - l * l), 0);
  return (sum * sum) / (sum * sum + unique);
}

export function omegaTotal(r: Mat, {method = "minres" as "minres" | "pa"} = {}): Omega {
  const solution = method === "minres" ? minres(r, 1) : principalAxis(r, 1, {minErr: 1e-12, maxIter: 10_000});
  const loadings = solution.loadings.map((row) => row[0]);
  return {omega: omegaTotalFromLoadings(loadings), loadings};
}
