// Kennisverkenner's typed numerical library for the methodology lab: pure functions that run in the browser
// (pages import them) and in node (vitest compares them with R in test/stats/).
//
// Libraries chosen, and why:
// - ml-matrix: a long-kept, dependency-light matrix library with symmetric eigen decomposition, SVD, inverse and
//   determinant; hand-written Jacobi or QR code would be more to test and less robust.
// - jStat: normal, t and chi-square distribution functions (quantiles for intervals, Bartlett's p-value);
//   the only part of statistics here that needs special functions (incomplete gamma and beta).
// - d3-random: seeded normal random numbers (randomLcg) for parallel analysis and simulations, so pages and tests
//   are reproducible; it is already part of the d3 family that Observable Plot uses.
// Algorithms follow the R implementations they are tested against (psych, GPArotation, stats, survey);
// each file says which.
export * from "./matrix.ts";
export * from "./distributions.ts";
export * from "./correlation.ts";
export * from "./kmo.ts";
export * from "./bartlett.ts";
export * from "./smc.ts";
export * from "./factor-solution.ts";
export * from "./principal-components.ts";
export * from "./principal-axis.ts";
export * from "./minres.ts";
export * from "./varimax.ts";
export * from "./oblimin.ts";
export * from "./parallel-analysis.ts";
export * from "./cronbach-alpha.ts";
export * from "./omega.ts";
export * from "./post-stratification.ts";
export * from "./kish.ts";
export * from "./weighted-mean.ts";
export * from "./mean-interval.ts";
export * from "./grim.ts";
