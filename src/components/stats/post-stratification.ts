// Post-stratification weights: every respondent in size class h stands for N_h / n_h municipalities,
// so the weights add up to the population (352) and each class gets its population share.

/** Population counts per stratum, e.g. {"<25.000": 123, ...}. */
export type Population = Record<string, number>;

/** Respondents per stratum. */
export function stratumCounts(strata: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of strata) counts[h] = (counts[h] ?? 0) + 1;
  return counts;
}

/** w_i = N_h / n_h for the stratum h of respondent i (R: weights(postStratify(...)) with population totals). */
export function postStratificationWeights(strata: string[], population: Population): number[] {
  const n = stratumCounts(strata);
  return strata.map((h) => {
    if (!(h in population)) throw new Error(`invalid stratum: ${h} has no population count`);
    return population[h] / n[h];
  });
}
