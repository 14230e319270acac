// Means that skip unanswered values (null): unweighted and weighted (Σ w y / Σ w over the answered).

const answered = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

export function mean(values: (number | null)[]): number {
  const xs = values.filter(answered);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function weightedMean(values: (number | null)[], weights: number[]): number {
  let sw = 0, swy = 0;
  values.forEach((v, i) => {
    if (!answered(v)) return;
    sw += weights[i];
    swy += weights[i] * v;
  });
  return swy / sw;
}

/** Sample variance (denominator n - 1) of the answered values. */
export function sampleVariance(values: (number | null)[]): number {
  const xs = values.filter(answered);
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}
