/**
 * Post-stratification weights: every respondent in stratum h gets N_h / n_h, so the weights of a
 * stratum add up to its population count and the weighted sample has the population's size-class shares.
 * Throws when a population stratum has no respondents (it cannot be represented) or a respondent's
 * stratum is not in the population.
 */
export function postStratify(strata: readonly string[], populationCounts: Readonly<Record<string, number>>): number[] {
  const sampleCounts = new Map<string, number>();
  for (const stratum of strata) {
    if (!(stratum in populationCounts)) throw new Error(`invalid stratum ${JSON.stringify(stratum)}: not in the population counts`);
    sampleCounts.set(stratum, (sampleCounts.get(stratum) ?? 0) + 1);
  }
  for (const [stratum, count] of Object.entries(populationCounts))
    if (count > 0 && !sampleCounts.has(stratum)) throw new Error(`cannot weight: no respondents in stratum ${JSON.stringify(stratum)} (population ${count})`);
  return strata.map((stratum) => populationCounts[stratum] / sampleCounts.get(stratum)!);
}
