// Minimum residual (unweighted least squares) factoring: the loadings that minimise the squared off-diagonal
// residuals of R - LLᵀ. Iterated principal axis factoring run to full convergence reaches the same stationary
// point (Harman's MINRES), which is how it is computed here; psych::fa(fm = "minres") gets there with an
// L-BFGS-B optimiser that stops earlier, so the two agree to about 1e-5, not 1e-10.
// Communalities are held at 0,995 or less (psych's bound on the uniquenesses); a solution that presses against the
// bound is a Heywood case in disguise, and the iteration crawls there: it may stop at maxIter unconverged, which
// the solution reports (`converged`, `heywood` with kind "at-bound").
import type {Mat} from "./matrix.js";
import {principalAxis} from "./principal-axis.js";
import type {FactorSolution} from "./factor-solution.js";

export const MINRES_COMMUNALITY_BOUND = 0.995;
export const MINRES_MAX_ITERATIONS = 10_000;

export function minres(r: Mat, nfactors: number, {tolerance = 1e-12, maxIter = MINRES_MAX_ITERATIONS} = {}): FactorSolution {
  // psych bounds uniquenesses at 0.005 or more, i.e. communalities at 0.995 or less
  const solution = principalAxis(r, nfactors, {minErr: tolerance, maxIter, maxCommunality: MINRES_COMMUNALITY_BOUND});
  return {...solution, method: "minres"};
}
