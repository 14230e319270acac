// How wide the interval of one size class is at n respondents, at the spread seen now: with the finite population
// correction it shrinks to zero when the whole class answers, without it it never does.
import {categoricalColors} from "../charts/palette.js";
import * as Plot from "@observablehq/plot";
import {accessibleChart} from "../charts/accessible.js";
import {formatNumber} from "../format.js";
import {tQuantile} from "../stats/distributions.js";
import {MIN_GROUP_SIZE} from "../stats/suppression.js";
import {WITH_FPC, WITHOUT_FPC} from "./scale-intervals.js";

export interface HalfWidthPoint {
  n: number;
  halfWidth: number;
  variant: string;
}

/** Half-widths of the 95% t-interval (df n − 1) for n from the smallest shown group to N, at variance s². */
export function halfWidthCurve(variance: number, populationSize: number, {level = 0.95} = {}): HalfWidthPoint[] {
  const points: HalfWidthPoint[] = [];
  for (let n = MIN_GROUP_SIZE; n <= populationSize; n++) {
    const t = tQuantile(1 - (1 - level) / 2, n - 1);
    points.push({n, halfWidth: t * Math.sqrt(variance / n), variant: WITHOUT_FPC});
    points.push({n, halfWidth: t * Math.sqrt(((1 - n / populationSize) * variance) / n), variant: WITH_FPC});
  }
  return points;
}

export function halfWidthChart(points: HalfWidthPoint[], {width = 640, marks = []}: {width?: number; marks?: number[]}) {
  return accessibleChart(Plot.plot({
    width,
    height: 260,
    ariaLabel: "Halve intervalbreedte naar aantal respondenten; kerncijfers staan in de tabel.",
    x: {label: "Aantal respondenten n"},
    y: {label: "Halve breedte 95%-interval", tickFormat: (v: number) => formatNumber(v), grid: true},
    color: {legend: true, domain: [WITH_FPC, WITHOUT_FPC], range: categoricalColors.slice(0, 2)},
    marks: [
      Plot.ruleX(marks, {stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "3,3"}),
      Plot.line(points, {x: "n", y: "halfWidth", stroke: "variant", tip: true, title: (d: HalfWidthPoint) => `n = ${d.n}, ${d.variant}: ± ${formatNumber(d.halfWidth)}`})
    ]
  }));
}
