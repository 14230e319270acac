// Principal axis factoring as psych::fa(fm = "pa"): start from squared multiple correlations on the diagonal,
// take the first k eigenvectors, put the implied communalities back on the diagonal, repeat until the sum of
// communalities changes less than `minErr`. The defaults are psych's (minErr 0.001, maxIter 50).
// Like psych, it stops at the iteration limit without failing; unlike psych (which only prints "maximum iteration
// exceeded"), the solution says so: `converged` false, and Heywood cases and degrees of freedom are reported.
import {symmetricEigen, type Mat} from "./matrix.js";
import {squaredMultipleCorrelations} from "./smc.js";
import {canonicalOrder, communalitiesOf, degreesOfFreedom, heywoodCases, type FactorSolution} from "./factor-solution.js";

export interface PrincipalAxisOptions {
  minErr?: number;
  maxIter?: number;
  /** Upper bound for a communality (none by default, as psych's "pa"); minres uses 0,995 like psych's bounds. */
  maxCommunality?: number;
}

export function principalAxis(r: Mat, nfactors: number, {minErr = 0.001, maxIter = 50, maxCommunality = Infinity}: PrincipalAxisOptions = {}): FactorSolution {
  const p = r.length;
  const work = r.map((row) => row.slice());
  const smc = squaredMultipleCorrelations(r);
  for (let i = 0; i < p; i++) work[i][i] = smc[i];
  let comm = smc.reduce((a, b) => a + b, 0);
  let err = comm;
  let iterations = 0;
  let converged = false;
  let raw: Mat = [];
  while (err > minErr) {
    const {values, vectors} = symmetricEigen(work);
    raw = vectors.map((row) => row.slice(0, nfactors).map((v, j) => v * Math.sqrt(Math.max(0, values[j]))));
    const h2 = raw.map((row) => Math.min(maxCommunality, row.reduce((s, l) => s + l * l, 0)));
    const comm1 = h2.reduce((a, b) => a + b, 0);
    for (let i = 0; i < p; i++) work[i][i] = h2[i];
    err = Math.abs(comm - comm1);
    comm = comm1;
    iterations++;
    if (err <= minErr) converged = true;
    if (iterations >= maxIter) break;
  }
  const {loadings} = canonicalOrder(raw);
  const communalities = communalitiesOf(loadings);
  return {
    loadings,
    communalities,
    eigenvalues: symmetricEigen(r).values,
    method: "pa",
    rotation: "none",
    iterations,
    converged,
    maxIterations: maxIter,
    communalityBound: maxCommunality,
    degreesOfFreedom: degreesOfFreedom(p, nfactors),
    heywood: heywoodCases(loadings, communalities, {communalityBound: maxCommunality})
  };
}
