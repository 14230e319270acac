/** Integer counts adding up to n whose shares are as close as possible to `shares` (largest remainder method). */
export function largestRemainder(n: number, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / total) * n);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const remaining = n - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remaining; k++) counts[order[k][1]]++;
  return counts;
}
