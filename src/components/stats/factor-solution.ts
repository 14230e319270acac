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
  /** The extraction's stopping rule was met before its iteration limit (always true for PCA). */
  converged: boolean;
  /** Iteration limit the extraction ran under (0 for PCA). */
  maxIterations: number;
  /** Upper bound the extraction put on a communality (minres: 0,995 as psych's bounds; otherwise Infinity). */
  communalityBound: number;
  /** Degrees of freedom of the common-factor model, as psych's $dof: ((p - m)² - (p + m)) / 2. */
  degreesOfFreedom: number;
  /** Items with an impossible or boundary solution (see heywoodCases). */
  heywood: HeywoodCase[];
}

/**
 * Degrees of freedom of an m-factor model of p items, as psych's fa() reports them ($dof):
 * p(p - 1)/2 correlations minus p·m loadings plus m(m - 1)/2 for the rotational freedom, = ((p - m)² - (p + m)) / 2.
 * Zero or less: the model has as many free parameters as there are correlations (or more); it is not identified,
 * so it fits anything and says nothing (six items, three factors: 0).
 */
export function degreesOfFreedom(items: number, factors: number): number {
  return ((items - factors) ** 2 - (items + factors)) / 2;
}

/** The largest number of factors with positive degrees of freedom for `items` items (0 when even one has none). */
export function maxIdentifiedFactors(items: number): number {
  let m = 0;
  while (m + 1 < items && degreesOfFreedom(items, m + 1) > 0) m++;
  return m;
}

/**
 * A Heywood case, defined as psych treats it:
 * - "ultra-heywood": communality above 1, a negative unique variance; impossible for a correlation matrix.
 *   psych's fa() warns "An ultra-Heywood case was detected. Examine the results carefully".
 * - "heywood": communality of 1 (within 1e-6), a unique variance of zero: the item is entirely common factor.
 * - "at-bound": the fit holds the communality at its upper bound (minres: 0,995, i.e. psych's lower bound of
 *   0,005 for a uniqueness), so the unbounded solution would be a Heywood case.
 * - "loading-above-one": a shown loading with |λ| > 1 (after rotation); in a standardised orthogonal solution a
 *   loading is a correlation, so this cannot happen in a proper solution (oblique pattern loadings can exceed 1
 *   slightly without a Heywood case, so it is reported, not ruled out).
 * An item gets the first kind that applies to its communality, and "loading-above-one" in addition.
 */
export type HeywoodKind = "ultra-heywood" | "heywood" | "at-bound" | "loading-above-one";

export interface HeywoodCase {
  /** Row of the item in the loadings. */
  item: number;
  kind: HeywoodKind;
  communality: number;
  /** Largest absolute loading of the item. */
  maxAbsLoading: number;
}

const HEYWOOD_TOLERANCE = 1e-6;

/** Heywood cases of a solution: from the communalities (rotation leaves them unchanged) and the loadings shown. */
export function heywoodCases(loadings: Mat, communalities: number[], {communalityBound = Infinity} = {}): HeywoodCase[] {
  const cases: HeywoodCase[] = [];
  communalities.forEach((h2, item) => {
    const maxAbsLoading = Math.max(0, ...loadings[item].map(Math.abs));
    const base = {item, communality: h2, maxAbsLoading};
    if (h2 > 1 + HEYWOOD_TOLERANCE) cases.push({...base, kind: "ultra-heywood"});
    else if (h2 >= 1 - HEYWOOD_TOLERANCE) cases.push({...base, kind: "heywood"});
    else if (Number.isFinite(communalityBound) && h2 >= communalityBound - HEYWOOD_TOLERANCE) cases.push({...base, kind: "at-bound"});
    if (maxAbsLoading > 1 + HEYWOOD_TOLERANCE) cases.push({...base, kind: "loading-above-one"});
  });
  return cases;
}

/** Communalities h² as row sums of squared loadings (orthogonal solutions). */
export function communalitiesOf(loadings: Mat): number[] {
  return loadings.map((row) => row.reduce((s, l) => s + l * l, 0));
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
