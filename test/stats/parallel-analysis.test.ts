import {describe, it, expect} from "vitest";
import {parallelAnalysis, identity} from "../../src/components/stats/index.js";
import {loadFixture} from "./fixtures.ts";

const classic = loadFixture("classic.json");

describe("parallelAnalysis", () => {
  const {n, p, mean, mean_reduced, sd, sd_reduced, iterations: rIterations} = classic.parallel;
  const iterations = 400;
  const pa = parallelAnalysis(identity(p), n, {iterations, seed: 7});

  it("is reproducible with a seed and changes with another seed", () => {
    expect(parallelAnalysis(identity(p), n, {iterations: 5, seed: 7}).simulated).toEqual(parallelAnalysis(identity(p), n, {iterations: 5, seed: 7}).simulated);
    expect(parallelAnalysis(identity(p), n, {iterations: 5, seed: 8}).simulated).not.toEqual(parallelAnalysis(identity(p), n, {iterations: 5, seed: 7}).simulated);
  });
  it("mean simulated eigenvalues agree with R's (rnorm, 4000 draws) within Monte Carlo error", () => {
    // Not deterministic across languages (different random number generators): allow 4 standard errors of the
    // difference of two simulation means, about 0.02 for n = 100, p = 10.
    for (let j = 0; j < p; j++) {
      const tol = 4 * Math.sqrt(sd[j] ** 2 / iterations + sd[j] ** 2 / rIterations);
      expect(Math.abs(pa.simulated[j] - mean[j]), `component ${j + 1}`).toBeLessThan(tol);
      const tolR = 4 * Math.sqrt(sd_reduced[j] ** 2 / iterations + sd_reduced[j] ** 2 / rIterations);
      expect(Math.abs(pa.simulatedReduced[j] - mean_reduced[j]), `reduced ${j + 1}`).toBeLessThan(tolR);
    }
  });
  it("suggests no factors for uncorrelated items and two for attitude's first block", () => {
    expect(pa.suggestedComponents).toBe(0);
    const att = parallelAnalysis(classic.attitude.factors2.r, 30, {iterations: 100, seed: 1});
    expect(att.suggestedComponents).toBeGreaterThanOrEqual(1);
    expect(att.simulated95[0]).toBeGreaterThan(att.simulated[0]);
  });
});
