// Cronbach's alpha from the item covariance matrix, as psych::alpha's raw_alpha on complete rows:
// α = k/(k-1) · (1 - Σ var(item) / var(sum)). With alpha if item deleted and the item-rest correlation
// (psych's r.drop: the item against the sum of the other items).
import {covarianceMatrix} from "./correlation.js";
import type {Mat} from "./matrix.js";

export interface Alpha {
  alpha: number;
  /** α with that item left out. */
  alphaIfDeleted: number[];
  /** Correlation of each item with the sum of the other items. */
  itemRest: number[];
  /** Respondents used (complete rows). */
  n: number;
}

function alphaFromCovariance(c: Mat, idx: number[]): number {
  const k = idx.length;
  let trace = 0, total = 0;
  for (const i of idx) {
    trace += c[i][i];
    for (const j of idx) total += c[i][j];
  }
  return (k / (k - 1)) * (1 - trace / total);
}

/** `rows`: complete rows of item scores (respondents × items). */
export function cronbachAlpha(rows: number[][]): Alpha {
  const c = covarianceMatrix(rows);
  const k = c.length;
  const all = Array.from({length: k}, (_, i) => i);
  const alphaIfDeleted = all.map((drop) => (k > 2 ? alphaFromCovariance(c, all.filter((i) => i !== drop)) : NaN));
  const itemRest = all.map((i) => {
    const others = all.filter((j) => j !== i);
    let covIR = 0, varR = 0;
    for (const j of others) {
      covIR += c[i][j];
      for (const l of others) varR += c[j][l];
    }
    return covIR / Math.sqrt(c[i][i] * varR);
  });
  return {alpha: alphaFromCovariance(c, all), alphaIfDeleted, itemRest, n: rows.length};
}
