// Pearson correlation matrix of item columns with missing answers (null).
// "listwise" (SPSS FACTOR's default, R: use = "complete.obs") keeps only respondents who answered every item;
// "pairwise" (R: use = "pairwise.complete.obs") uses, for each pair, everyone who answered both.
import type {Mat} from "./matrix.js";

export type Missing = "listwise" | "pairwise";
/** Respondents in rows, items in columns; null or NaN = unanswered. */
export type DataMatrix = (number | null)[][];

export interface Correlation {
  r: Mat;
  /** Respondents used for each pair (all equal under listwise deletion). */
  n: Mat;
  missing: Missing;
  /** Respondents with every item answered. */
  completeCases: number;
}

const isAnswered = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

/** Rows in which every column is answered. */
export function completeRows(data: DataMatrix): number[][] {
  return data.filter((row) => row.every(isAnswered)) as number[][];
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Pearson correlations; `missing` says how unanswered items are handled (default listwise, as SPSS FACTOR). */
export function pearsonCorrelation(data: DataMatrix, {missing = "listwise" as Missing} = {}): Correlation {
  const p = data[0]?.length ?? 0;
  const complete = completeRows(data);
  const r: Mat = Array.from({length: p}, () => new Array(p).fill(1));
  const n: Mat = Array.from({length: p}, () => new Array(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let x: number[], y: number[];
      if (missing === "listwise") {
        x = complete.map((row) => row[i]);
        y = complete.map((row) => row[j]);
      } else {
        const rows = data.filter((row) => isAnswered(row[i]) && isAnswered(row[j])) as number[][];
        x = rows.map((row) => row[i]);
        y = rows.map((row) => row[j]);
      }
      n[i][j] = n[j][i] = x.length;
      if (i !== j) r[i][j] = r[j][i] = pearson(x, y);
    }
  }
  return {r, n, missing, completeCases: complete.length};
}

/** Covariance matrix (denominator n - 1) of complete rows. */
export function covarianceMatrix(rows: number[][]): Mat {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const means = Array.from({length: p}, (_, j) => rows.reduce((s, row) => s + row[j], 0) / n);
  const c: Mat = Array.from({length: p}, () => new Array(p).fill(0));
  for (const row of rows) {
    for (let i = 0; i < p; i++) {
      const di = row[i] - means[i];
      for (let j = i; j < p; j++) c[i][j] += di * (row[j] - means[j]);
    }
  }
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) c[j][i] = c[i][j] = c[i][j] / (n - 1);
  return c;
}
