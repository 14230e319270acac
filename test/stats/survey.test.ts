import {describe, it, expect} from "vitest";
import {postStratificationWeights, kishEffectiveN, kishDesignEffect, stratifiedMeanInterval, srsMeanInterval, weightedMean, mean} from "../../src/components/stats/index.js";
import {loadFixture, expectClose} from "./fixtures.ts";

const {survey} = loadFixture("classic.json");

describe("post-stratification weights and Kish (survey::postStratify on apisrs)", () => {
  const w = postStratificationWeights(survey.poststrat.stype, survey.poststrat.population);
  it("weights = N_h / n_h", () => expectClose(w, survey.poststrat.weights, 1e-10));
  it("Kish effective n and design effect", () => {
    expectClose(kishEffectiveN(w), survey.poststrat.kish_n, 1e-10);
    expectClose(kishDesignEffect(w), survey.poststrat.kish_deff, 1e-10);
  });
  it("equal weights lose nothing", () => {
    expect(kishDesignEffect([2, 2, 2])).toBeCloseTo(1, 12);
  });
  it("refuses a stratum without a population count", () => {
    expect(() => postStratificationWeights(["X"], {Y: 3})).toThrow(/invalid stratum/);
  });
});

describe("intervals with finite population correction (survey::svydesign(strata, fpc) + svymean)", () => {
  const est = stratifiedMeanInterval(survey.api00, survey.stype, survey.population, {distribution: "normal"});
  it("stratified mean, SE and normal 95% interval", () => {
    expectClose(est.mean, survey.stratified.mean, 1e-8);
    expectClose(est.se, survey.stratified.se, 1e-8);
    expectClose([est.lower, est.upper], [survey.stratified.lower, survey.stratified.upper], 1e-8);
  });
  it("t interval with the design's degrees of freedom (n - strata)", () => {
    const t = stratifiedMeanInterval(survey.api00, survey.stype, survey.population, {distribution: "t"});
    expect(t.df).toBe(survey.stratified.df);
    // compared on the scale of the t quantile: jStat inverts the t distribution iteratively, to ~1e-9 of R's qt
    expectClose([(t.mean - t.lower) / t.se, (t.upper - t.mean) / t.se],
      [(survey.stratified.mean - survey.stratified.lower_t) / survey.stratified.se, (survey.stratified.upper_t - survey.stratified.mean) / survey.stratified.se], 1e-6);
  });
  it("per stratum, each a simple random sample without replacement", () => {
    for (const [h, ref] of Object.entries<any>(survey.by_stratum)) {
      const values = survey.api00.filter((_: number, i: number) => survey.stype[i] === h);
      const e = srsMeanInterval(values, survey.population[h], {distribution: "normal"});
      expectClose([e.mean, e.se, e.lower, e.upper], [ref.mean, ref.se, ref.lower, ref.upper], 1e-8);
      expectClose(est.strata[h].se, ref.se, 1e-8);
    }
  });
  it("the correction shrinks the SE by sqrt(1 - n/N)", () => {
    const values = survey.api00.filter((_: number, i: number) => survey.stype[i] === "H");
    const withFpc = srsMeanInterval(values, survey.population.H);
    const without = srsMeanInterval(values, survey.population.H, {fpc: false});
    expectClose(withFpc.se / without.se, Math.sqrt(1 - values.length / survey.population.H), 1e-12);
  });
});

describe("means that skip unanswered values", () => {
  it("mean and weightedMean ignore null", () => {
    expect(mean([1, null, 3])).toBe(2);
    expect(weightedMean([1, null, 3], [1, 100, 3])).toBe(2.5);
  });
});
