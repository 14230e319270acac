// The two solutions the factor page compares, fitted and rotated from one correlation matrix: SPSS FACTOR's default
// (principal components + varimax) and the chosen common-factor model (principal axis or minres + varimax or
// oblimin), each with what the reader needs to judge it (convergence of extraction and rotation, degrees of
// freedom, Heywood cases on the loadings shown).
import {
  principalComponents, principalAxis, minres, varimax, oblimin, canonicalOrder, heywoodCases,
  type FactorSolution, type HeywoodCase, type Mat
} from "../stats/index.js";
import type {CommonFactorMethod, Rotation} from "./factor-setup.js";

/** Principal axis on the page: iterated further than psych's default (50), so that "did not converge" means it. */
export const PAGE_PRINCIPAL_AXIS = {minErr: 1e-9, maxIter: 1000} as const;

export interface RotatedSolution {
  /** The extraction (unrotated), with its convergence, iterations, degrees of freedom. */
  extraction: FactorSolution;
  /** Loadings as shown (rotated when there are two or more factors), canonical order. */
  loadings: Mat;
  /** Factor correlations (oblimin only). */
  phi?: Mat;
  rotation: Rotation | "none";
  rotationIterations: number;
  rotationConverged: boolean;
  /** Heywood cases of the shown solution (communalities and shown loadings). */
  heywood: HeywoodCase[];
}

export function rotateSolution(extraction: FactorSolution, rotation: Rotation): RotatedSolution {
  const k = extraction.loadings[0]?.length ?? 0;
  const base = {extraction, heywood: extraction.heywood};
  if (k < 2) return {...base, loadings: extraction.loadings, rotation: "none", rotationIterations: 0, rotationConverged: true};
  const rotated: {loadings: Mat; phi?: Mat; iterations: number; converged: boolean} =
    rotation === "varimax" ? varimax(extraction.loadings) : oblimin(extraction.loadings);
  const {loadings, phi} = canonicalOrder(rotated.loadings, rotated.phi);
  return {
    ...base,
    loadings,
    phi,
    rotation,
    rotationIterations: rotated.iterations,
    rotationConverged: rotated.converged,
    heywood: heywoodCases(loadings, extraction.communalities, {communalityBound: extraction.communalityBound})
  };
}

export function extract(r: Mat, nfactors: number, method: CommonFactorMethod | "pca"): FactorSolution {
  switch (method) {
    case "pca": return principalComponents(r, nfactors);
    case "pa": return principalAxis(r, nfactors, PAGE_PRINCIPAL_AXIS);
    case "minres": return minres(r, nfactors);
    default: throw new Error(`invalid factor method: ${method}`);
  }
}

/** PCA + varimax (SPSS's default) and the chosen common-factor model with the chosen rotation. */
export function fitFactorModels(r: Mat, {factors, method, rotation}: {factors: number; method: CommonFactorMethod; rotation: Rotation}) {
  return {
    pca: rotateSolution(extract(r, factors, "pca"), "varimax"),
    common: rotateSolution(extract(r, factors, method), rotation)
  };
}
