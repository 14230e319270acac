// Principal components as SPSS FACTOR extracts them by default (and psych::principal):
// loadings = eigenvectors × √eigenvalue of the correlation matrix. Components keep all item variance
// (communality 1 on the diagonal), so loadings are higher than in a common-factor solution.
import {symmetricEigen, type Mat} from "./matrix.js";
import {canonicalOrder, type FactorSolution} from "./factor-solution.js";

export function principalComponents(r: Mat, nfactors: number): FactorSolution {
  const {values, vectors} = symmetricEigen(r);
  const raw = vectors.map((row) => row.slice(0, nfactors).map((v, j) => v * Math.sqrt(Math.max(0, values[j]))));
  const {loadings} = canonicalOrder(raw);
  return {
    loadings,
    communalities: loadings.map((row) => row.reduce((s, l) => s + l * l, 0)),
    eigenvalues: values,
    method: "pca",
    rotation: "none",
    iterations: 0,
    converged: true
  };
}
