/**
 * Whether numerator / denominator, rounded half up to `decimals`, prints as `printed`. Exact integer
 * arithmetic (no floating-point ties): (2p - 1) d <= 2 * 10^k * x < (2p + 1) d with p = printed * 10^k.
 */
export function roundsTo(numerator: number, denominator: number, printed: number, decimals = 2): boolean {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) throw new Error(`invalid ratio ${numerator}/${denominator}`);
  const scale = 10 ** decimals;
  const p = Math.round(printed * scale);
  return (2 * p - 1) * denominator <= 2 * scale * numerator && 2 * scale * numerator < (2 * p + 1) * denominator;
}
