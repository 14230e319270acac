// Shared shape of an extracted (and possibly rotated) factor solution, and the canonical column order
// used everywhere (and in the R fixtures): factors by decreasing explained variance, each with a positive column sum.
import {multiply, transpose, type Mat} from "./matrix.js";

export interface FactorSolution {
  /** Items in rows, factors in columns. */
  loadings: Mat;
  /** Factor correlations (oblique rotations only). */
  phi?: Mat;
  /** Communalities h² (row sums of squared loadings of the unrotated solution). */
  communalities: number[];
  /** Eigenvalues of the correlation matrix (for scree plots). */
  eigenvalues: number[];
  method: "pca" | "pa" | "minres";
  rotation: "none" | "varimax" | "oblimin";
  /** Iterations used by the extraction (0 for PCA). */
  iterations: number;
  converged: boolean;
}

/** Variance explained by each factor: column sums of squared loadings, or diag(Φ LᵀL) when oblique (as psych). */
export function explainedVariance(loadings: Mat, phi?: Mat): number[] {
  const k = loadings[0]?.length ?? 0;
  if (!phi) return Array.from({length: k}, (_, j) => loadings.reduce((s, row) => s + row[j] ** 2, 0));
  const m = multiply(phi, multiply(transpose(loadings), loadings));
  return m.map((row, i) => row[i]);
}

/** Reorders factors by explained variance and flips signs so each column sums to a positive number. */
export function canonicalOrder(loadings: Mat, phi?: Mat): {loadings: Mat; phi?: Mat} {
  const k = loadings[0]?.length ?? 0;
  const variance = explainedVariance(loadings, phi);
  const order = Array.from({length: k}, (_, j) => j).sort((a, b) => variance[b] - variance[a]);
  const signs = order.map((j) => (loadings.reduce((s, row) => s + row[j], 0) < 0 ? -1 : 1));
  const newLoadings = loadings.map((row) => order.map((j, c) => row[j] * signs[c]));
  const newPhi = phi ? order.map((i, a) => order.map((j, b) => phi[i][j] * signs[a] * signs[b])) : undefined;
  return {loadings: newLoadings, phi: newPhi};
}
