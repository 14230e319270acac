// Small bridge to ml-matrix: the library keeps plain number[][] at its edges (JSON-friendly, easy to test)
// and converts to ml-matrix only where linear algebra happens.
import {Matrix, EigenvalueDecomposition, SingularValueDecomposition, inverse as mlInverse, determinant as mlDeterminant} from "ml-matrix";

export type Mat = number[][];

export function toMatrix(a: Mat): Matrix {
  return new Matrix(a);
}

export function toArray(m: Matrix): Mat {
  return m.to2DArray();
}

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: number[];
  /** Eigenvectors as columns, in the order of `values`. */
  vectors: Mat;
}

/** Eigen decomposition of a symmetric matrix, sorted by decreasing eigenvalue (as R's eigen(symmetric = TRUE)). */
export function symmetricEigen(a: Mat): SymmetricEigen {
  const e = new EigenvalueDecomposition(toMatrix(a), {assumeSymmetric: true});
  const values = e.realEigenvalues;
  const V = e.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((i, j) => values[j] - values[i]);
  const p = a.length;
  const vectors: Mat = Array.from({length: p}, (_, r) => order.map((c) => V.get(r, c)));
  return {values: order.map((i) => values[i]), vectors};
}

/** Thin SVD: a = u diag(d) vᵀ. */
export function svd(a: Mat): {u: Mat; d: number[]; v: Mat} {
  const s = new SingularValueDecomposition(toMatrix(a), {autoTranspose: true});
  return {u: toArray(s.leftSingularVectors), d: s.diagonal, v: toArray(s.rightSingularVectors)};
}

export function inverse(a: Mat): Mat {
  return toArray(mlInverse(toMatrix(a)));
}

export function determinant(a: Mat): number {
  return mlDeterminant(toMatrix(a));
}

export function multiply(a: Mat, b: Mat): Mat {
  return toArray(toMatrix(a).mmul(toMatrix(b)));
}

export function transpose(a: Mat): Mat {
  return a.length === 0 ? [] : a[0].map((_, j) => a.map((row) => row[j]));
}

export function identity(n: number): Mat {
  return Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => (i === j ? 1 : 0)));
}

/** Selects rows and columns `idx` of a square matrix. */
export function subMatrix(a: Mat, idx: number[]): Mat {
  return idx.map((i) => idx.map((j) => a[i][j]));
}
