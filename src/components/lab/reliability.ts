// Reliability of each scale of the report: Cronbach's alpha and omega total with both denominators (model-implied
// and psych's observed total variance), each from the respondents who answered every item of the scale.
import {cronbachAlpha, completeRows, omegaTotal, pearsonCorrelation, type Alpha, type DataMatrix, type Omega} from "../stats/index.js";

export interface ScaleReliability<S> {
  scale: S;
  alpha: Alpha;
  /** Omega needs a one-factor model, so at least three items; null otherwise. */
  omega: Omega | null;
}

/** `itemMatrix(scale)`: respondents × the scale's items, null where unanswered. */
export function scaleReliability<S extends {items: string[]}>(scale: S, itemMatrix: (scale: S) => DataMatrix): ScaleReliability<S> {
  const rows = completeRows(itemMatrix(scale));
  return {scale, alpha: cronbachAlpha(rows), omega: scale.items.length >= 3 ? omegaTotal(pearsonCorrelation(rows).r) : null};
}

/** The scale whose two omegas differ most (the page's example of why the denominator matters). */
export function largestOmegaGap<S>(summary: ScaleReliability<S>[]): ScaleReliability<S> | null {
  const withOmega = summary.filter((d) => d.omega);
  if (!withOmega.length) return null;
  const gap = (d: ScaleReliability<S>) => Math.abs(d.omega!.omegaModel - d.omega!.omegaObserved);
  return withOmega.reduce((a, b) => (gap(b) > gap(a) ? b : a));
}
