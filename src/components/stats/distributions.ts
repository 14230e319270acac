// Distribution functions from jStat (a long-kept, dependency-free statistics library): quantiles for
// intervals and the chi-square tail for Bartlett's test. Wrapped here so the rest of the library does not see jStat.
import jStat from "jstat";

/** Quantile of the standard normal distribution (R: qnorm). */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** Quantile of Student's t with `df` degrees of freedom (R: qt). */
export function tQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** Upper tail P(X > x) for a chi-square variable (R: pchisq(x, df, lower.tail = FALSE)). */
export function chiSquareUpperTail(x: number, df: number): number {
  // 1 - cdf loses precision for tiny p; jStat's lowRegGamma complement is fine down to ~1e-15, which is enough to print "p < 0,001".
  return Math.max(0, 1 - jStat.chisquare.cdf(x, df));
}
