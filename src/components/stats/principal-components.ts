// Principal components as SPSS FACTOR extracts them by default (and psych::principal):
// loadings = eigenvectors × √eigenvalue of the correlation matrix. Components keep all item variance
// (communality 1 on the diagonal), so loadings are higher than in a common-factor solution. Nothing is iterated
// and fewer components than items never reach a communality of 1, so there is no convergence or Heywood problem;
// the degrees of freedom are reported as psych::principal does (same formula as for a factor model).
import {symmetricEigen, type Mat} from "./matrix.js";
import {canonicalOrder, communalitiesOf, degreesOfFreedom, heywoodCases, type FactorSolution} from "./factor-solution.js";

export function principalComponents(r: Mat, nfactors: number): FactorSolution {
  const {values, vectors} = symmetricEigen(r);
  const raw = vectors.map((row) => row.slice(0, nfactors).map((v, j) => v * Math.sqrt(Math.max(0, values[j]))));
  const {loadings} = canonicalOrder(raw);
  const communalities = communalitiesOf(loadings);
  return {
    loadings,
    communalities,
    eigenvalues: values,
    method: "pca",
    rotation: "none",
    iterations: 0,
    converged: true,
    maxIterations: 0,
    communalityBound: Infinity,
    degreesOfFreedom: degreesOfFreedom(r.length, nfactors),
    heywood: heywoodCases(loadings, communalities)
  };
}
