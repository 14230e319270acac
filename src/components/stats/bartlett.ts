// Bartlett's test of sphericity, as psych::cortest.bartlett: are the items uncorrelated in the population
// (R = identity)? A small p says there is something to factor.
import {determinant, type Mat} from "./matrix.js";
import {chiSquareUpperTail} from "./distributions.js";

export interface Bartlett {
  chiSquare: number;
  df: number;
  p: number;
}

/** `n` is the number of respondents the correlation matrix was computed from. */
export function bartlettSphericity(r: Mat, n: number): Bartlett {
  const p = r.length;
  const chiSquare = -Math.log(determinant(r)) * (n - 1 - (2 * p + 5) / 6);
  const df = (p * (p - 1)) / 2;
  return {chiSquare, df, p: chiSquareUpperTail(chiSquare, df)};
}
