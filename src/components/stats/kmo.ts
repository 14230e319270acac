// Kaiser–Meyer–Olkin measure of sampling adequacy, as psych::KMO: compares the correlations with the
// partial correlations (from the inverse of R). Near 1: the items share common factors; below 0,5: unacceptable.
import {inverse, type Mat} from "./matrix.js";

export interface Kmo {
  overall: number;
  /** Measure of sampling adequacy per item (MSAi). */
  perItem: number[];
}

export function kmo(r: Mat): Kmo {
  const p = r.length;
  const q = inverse(r);
  // partial (anti-image) correlations: -q_ij / sqrt(q_ii q_jj); the sign does not matter once squared
  let sumR2 = 0, sumQ2 = 0;
  const colR2 = new Array(p).fill(0), colQ2 = new Array(p).fill(0);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (i === j) continue;
      const partial = q[i][j] / Math.sqrt(q[i][i] * q[j][j]);
      colR2[j] += r[i][j] ** 2;
      colQ2[j] += partial ** 2;
      sumR2 += r[i][j] ** 2;
      sumQ2 += partial ** 2;
    }
  }
  return {overall: sumR2 / (sumR2 + sumQ2), perItem: colR2.map((s, j) => s / (s + colQ2[j]))};
}
