// Kennisverkenner's typed numerical library for the methodology lab: pure functions that run in the browser
// (pages import them) and in node (vitest compares them with R in test/stats/).
//
// Libraries chosen, and why:
// - ml-matrix: a long-kept, dependency-light matrix library with symmetric eigen decomposition, SVD, inverse and
//   determinant; hand-written Jacobi or QR code would be more to test and less robust.
// - jStat: normal, t and chi-square distribution functions (quantiles for intervals, Bartlett's p-value);
//   the only part of statistics here that needs special functions (incomplete gamma and beta).
// - d3-random: seeded normal random numbers (randomLcg) for parallel analysis and simulations (also the model
//   sampler in simulate-model.ts), so pages and tests are reproducible; it is already part of the d3 family that
//   Observable Plot uses.
// Algorithms follow the R implementations they are tested against (psych, GPArotation, stats, survey);
// each file says which.
export * from "./matrix.js";
export * from "./distributions.js";
export * from "./correlation.js";
export * from "./kmo.js";
export * from "./bartlett.js";
export * from "./smc.js";
export * from "./factor-solution.js";
export * from "./principal-components.js";
export * from "./principal-axis.js";
export * from "./minres.js";
export * from "./varimax.js";
export * from "./oblimin.js";
export * from "./parallel-analysis.js";
export * from "./cronbach-alpha.js";
export * from "./omega.js";
export * from "./post-stratification.js";
export * from "./scale-score.js";
export * from "./kish.js";
export * from "./weighted-mean.js";
export * from "./mean-interval.js";
export * from "./domain-mean.js";
export * from "./grim.js";
export * from "./suppression.js";
export * from "./simulate-model.js";
export * from "./coverage.js";
