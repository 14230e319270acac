// A scale score: the mean of a scale's items for one respondent. The report's rule is "every item answered, else no
// score" (minShare = 1): that rule, not "the mean of what was answered", reproduces the n's printed under Tables 1 to 5.
// The methods lab shows what a looser rule (e.g. three of four items) would change.

/** Mean of the items when at least `minShare` of them are answered (default 1: all), else null. */
export function scaleScore(answers: Readonly<Record<string, unknown>>, itemIds: readonly string[], {minShare = 1}: {minShare?: number} = {}): number | null {
  let sum = 0, answered = 0;
  for (const id of itemIds) {
    const code = answers[id];
    if (code === null || code === undefined) continue;
    sum += Number(code);
    answered++;
  }
  const needed = Math.max(1, Math.ceil(minShare * itemIds.length - 1e-9));
  return answered >= needed ? sum / answered : null;
}
