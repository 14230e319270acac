// Post-stratification weights: every respondent in size class h stands for N_h / n_h municipalities,
// so the weights add up to the population (352) and each class gets its population share.

/** Population counts per stratum, e.g. {"<25.000": 123, ...}. */
export type Population = Record<string, number>;

/** Respondents per stratum. */
export function stratumCounts(strata: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of strata) counts[h] = (counts[h] ?? 0) + 1;
  return counts;
}

/**
 * w_i = N_h / n_h for the stratum h of respondent i (R: weights(postStratify(...)) with population totals).
 * Throws when a respondent's stratum has no population count, or a populated stratum has no respondents (its
 * municipalities could not be represented, and the weights would not add up to the population).
 */
export function postStratificationWeights(strata: readonly string[], population: Readonly<Population>): number[] {
  const weights = stratumWeights(stratumCounts(strata), population);
  return strata.map((h) => weights[h]);
}

/**
 * The weight N_h / n_h of each stratum from its respondent count, with the same strict errors; for callers that
 * count respondents elsewhere (the SQL ingest of large exports counts them in DuckDB).
 */
export function stratumWeights(counts: Readonly<Record<string, number>>, population: Readonly<Population>): Record<string, number> {
  for (const h of Object.keys(counts)) if (!(h in population)) throw new Error(`invalid stratum ${JSON.stringify(h)}: not in the population counts`);
  for (const [h, count] of Object.entries(population))
    if (count > 0 && !counts[h]) throw new Error(`cannot weight: no respondents in stratum ${JSON.stringify(h)} (population ${count})`);
  return Object.fromEntries(Object.keys(counts).map((h) => [h, population[h] / counts[h]]));
}
