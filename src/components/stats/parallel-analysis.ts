// Horn's parallel analysis: how large would the eigenvalues be if the items were uncorrelated noise with the
// same n and number of items? Keep the factors whose observed eigenvalue beats the simulated one.
// Random numbers come from d3-random with a seeded LCG, so a page shows the same result on every load.
import {randomLcg, randomNormal} from "d3-random";
import {pearsonCorrelation} from "./correlation.js";
import {symmetricEigen, type Mat} from "./matrix.js";
import {squaredMultipleCorrelations} from "./smc.js";

export interface ParallelAnalysis {
  /** Observed eigenvalues of R (components). */
  observed: number[];
  /** Observed eigenvalues of R with SMCs on the diagonal (common factors). */
  observedReduced: number[];
  /** Mean simulated eigenvalues (components, reduced). */
  simulated: number[];
  simulatedReduced: number[];
  /** 95th percentile of the simulated eigenvalues. */
  simulated95: number[];
  simulatedReduced95: number[];
  /** Number of leading components / factors whose observed eigenvalue exceeds the mean simulated one. */
  suggestedComponents: number;
  suggestedFactors: number;
  iterations: number;
}

function reduced(r: Mat): number[] {
  const smc = squaredMultipleCorrelations(r);
  return symmetricEigen(r.map((row, i) => row.map((v, j) => (i === j ? smc[i] : v)))).values;
}

function leadingAbove(observed: number[], simulated: number[]): number {
  let k = 0;
  while (k < observed.length && observed[k] > simulated[k]) k++;
  return k;
}

const quantile = (xs: number[], q: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};

/** `r`: observed correlation matrix; `n`: respondents it came from. */
export function parallelAnalysis(r: Mat, n: number, {iterations = 200, seed = 20220101} = {}): ParallelAnalysis {
  const p = r.length;
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  const sims: number[][] = [];
  const simsReduced: number[][] = [];
  for (let it = 0; it < iterations; it++) {
    const data = Array.from({length: n}, () => Array.from({length: p}, () => normal()));
    const rr = pearsonCorrelation(data).r;
    sims.push(symmetricEigen(rr).values);
    simsReduced.push(reduced(rr));
  }
  const column = (m: number[][], j: number) => m.map((row) => row[j]);
  const simulated = Array.from({length: p}, (_, j) => column(sims, j).reduce((a, b) => a + b, 0) / iterations);
  const simulatedReduced = Array.from({length: p}, (_, j) => column(simsReduced, j).reduce((a, b) => a + b, 0) / iterations);
  const observed = symmetricEigen(r).values;
  const observedReduced = reduced(r);
  return {
    observed,
    observedReduced,
    simulated,
    simulatedReduced,
    simulated95: Array.from({length: p}, (_, j) => quantile(column(sims, j), 0.95)),
    simulatedReduced95: Array.from({length: p}, (_, j) => quantile(column(simsReduced, j), 0.95)),
    suggestedComponents: leadingAbove(observed, simulated),
    suggestedFactors: leadingAbove(observedReduced, simulatedReduced),
    iterations
  };
}
