// Oblimin rotation by gradient projection, a line-for-line port of GPArotation::GPFoblq with vgQ.oblimin
// (gamma 0 = quartimin, GPArotation's and psych's default). Same defaults as GPArotation: no Kaiser
// normalisation, eps 1e-5 on the projected gradient, at most 1000 iterations.
import {inverse, multiply, transpose, identity, type Mat} from "./matrix.js";
import {canonicalOrder} from "./factor-solution.js";

export interface ObliminOptions {
  gamma?: number;
  normalize?: boolean;
  eps?: number;
  maxIter?: number;
}

export interface ObliminResult {
  loadings: Mat;
  /** Factor correlations Φ = TᵀT. */
  phi: Mat;
  rotation: Mat;
  iterations: number;
  converged: boolean;
}

function criterion(L: Mat, gamma: number): {f: number; gq: Mat} {
  const p = L.length;
  const k = L[0].length;
  const L2 = L.map((row) => row.map((v) => v * v));
  // X = L² (1 - I): for each cell, the sum of squared loadings on the other factors
  let X = L2.map((row) => row.map((_, j) => row.reduce((s, v, c) => (c === j ? s : s + v), 0)));
  if (gamma !== 0) {
    const colMeans = Array.from({length: k}, (_, j) => X.reduce((s, row) => s + row[j], 0) / p);
    X = X.map((row) => row.map((v, j) => v - gamma * colMeans[j]));
  }
  let f = 0;
  const gq = L.map((row, i) => row.map((v, j) => {
    f += L2[i][j] * X[i][j];
    return v * X[i][j];
  }));
  return {f: f / 4, gq};
}

export function oblimin(a: Mat, {gamma = 0, normalize = false, eps = 1e-5, maxIter = 1000}: ObliminOptions = {}): ObliminResult {
  const k = a[0]?.length ?? 0;
  if (k < 2) throw new Error("invalid oblimin: rotation needs at least two factors");
  const w = a.map((row) => (normalize ? Math.sqrt(row.reduce((s, v) => s + v * v, 0)) : 1));
  const A = a.map((row, i) => row.map((v) => v / w[i]));
  let T = identity(k);
  let al = 1;
  let L = multiply(A, transpose(inverse(T)));
  let {f, gq} = criterion(L, gamma);
  let G = transpose(multiply(multiply(transpose(L), gq), inverse(T))).map((row) => row.map((v) => -v));
  let s = Infinity;
  let iterations = 0;
  for (let iter = 0; iter <= maxIter; iter++) {
    iterations = iter;
    const colDots = Array.from({length: k}, (_, j) => T.reduce((acc, row, i) => acc + row[j] * G[i][j], 0));
    const Gp = G.map((row, i) => row.map((v, j) => v - T[i][j] * colDots[j]));
    s = Math.sqrt(Gp.reduce((acc, row) => acc + row.reduce((t, v) => t + v * v, 0), 0));
    if (s < eps) break;
    al *= 2;
    let Tt = T;
    let next = {f, gq};
    for (let i = 0; i <= 10; i++) {
      const X = T.map((row, r) => row.map((v, c) => v - al * Gp[r][c]));
      const v = Array.from({length: k}, (_, j) => 1 / Math.sqrt(X.reduce((acc, row) => acc + row[j] ** 2, 0)));
      Tt = X.map((row) => row.map((x, j) => x * v[j]));
      L = multiply(A, transpose(inverse(Tt)));
      next = criterion(L, gamma);
      if (f - next.f > 0.5 * s * s * al) break;
      al /= 2;
    }
    T = Tt;
    f = next.f;
    gq = next.gq;
    G = transpose(multiply(multiply(transpose(L), gq), inverse(Tt))).map((row) => row.map((v) => -v));
  }
  const loadings = L.map((row, i) => row.map((v) => v * w[i]));
  const phi = multiply(transpose(T), T);
  return {loadings, phi, rotation: T, iterations, converged: s < eps};
}

/** Oblimin followed by the library's canonical factor order and signs (Φ reordered and re-signed with it). */
export function obliminCanonical(a: Mat, options: ObliminOptions = {}): {loadings: Mat; phi: Mat} {
  const r = oblimin(a, options);
  const c = canonicalOrder(r.loadings, r.phi);
  return {loadings: c.loadings, phi: c.phi!};
}
