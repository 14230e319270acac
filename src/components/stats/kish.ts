// Kish's effective sample size and design effect of unequal weights: n_eff = (Σw)² / Σw², deff = n / n_eff = 1 + CV²(w).
// They say how much precision the weighting costs, whatever the variable.

export function kishEffectiveN(weights: number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  const sumSq = weights.reduce((a, b) => a + b * b, 0);
  return (sum * sum) / sumSq;
}

export function kishDesignEffect(weights: number[]): number {
  return weights.length / kishEffectiveN(weights);
}
