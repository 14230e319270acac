// Squared multiple correlations, 1 - 1/diag(R⁻¹): the starting communalities of principal axis factoring (psych::smc).
import {inverse, type Mat} from "./matrix.js";

export function squaredMultipleCorrelations(r: Mat): number[] {
  const q = inverse(r);
  return q.map((row, i) => Math.min(1, Math.max(0, 1 - 1 / row[i])));
}
