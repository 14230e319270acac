/**
 * The report's scale score: the mean of a scale's items when every one of them is answered, else null.
 * This rule (not "mean of what was answered") is what reproduces the n's printed under Tables 1 to 5.
 */
export function scaleScore(answers: Record<string, number | null>, itemIds: readonly string[]): number | null {
  let sum = 0;
  for (const id of itemIds) {
    const code = answers[id];
    if (code === null || code === undefined) return null;
    sum += code;
  }
  return sum / itemIds.length;
}
