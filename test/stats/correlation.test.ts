import {describe, it, expect} from "vitest";
import {pearsonCorrelation, kmo, bartlettSphericity, squaredMultipleCorrelations} from "../../src/components/stats/index.js";
import {loadFixture, expectClose} from "./fixtures.ts";

const classic = loadFixture("classic.json");

describe("pearsonCorrelation", () => {
  it("matches cor(use = 'complete.obs') on bfi items with missing answers (listwise)", () => {
    const c = pearsonCorrelation(classic.bfi.data);
    expect(c.missing).toBe("listwise");
    expect(c.completeCases).toBe(classic.bfi.complete_cases);
    expectClose(c.r, classic.bfi.r_listwise, 1e-12);
  });
  it("matches cor(use = 'pairwise.complete.obs') and pairwiseCount (pairwise)", () => {
    const c = pearsonCorrelation(classic.bfi.data, {missing: "pairwise"});
    expectClose(c.r, classic.bfi.r_pairwise, 1e-12);
    expectClose(c.n, classic.bfi.n_pairwise, 0);
  });
  it("listwise and pairwise differ when answers are missing", () => {
    const a = pearsonCorrelation(classic.bfi.data).r;
    const b = pearsonCorrelation(classic.bfi.data, {missing: "pairwise"}).r;
    expect(Math.abs(a[0][1] - b[0][1])).toBeGreaterThan(1e-4);
  });
  it("matches cor() on attitude (no missing answers)", () => {
    expectClose(pearsonCorrelation(classic.attitude.data).r, classic.attitude.factors2.r, 1e-12);
  });
});

describe("KMO, Bartlett and SMC (psych::KMO, psych::cortest.bartlett, psych::smc)", () => {
  for (const [name, f] of [["attitude", classic.attitude.factors2], ["bfi", classic.bfi.factors2]] as const) {
    it(`KMO overall and per item on ${name}`, () => {
      const k = kmo(f.r);
      expectClose(k.overall, f.kmo.overall, 1e-10);
      expectClose(k.perItem, f.kmo.per_item, 1e-10);
    });
    it(`Bartlett's chi-square, df and p on ${name}`, () => {
      const b = bartlettSphericity(f.r, f.n);
      expectClose(b.chiSquare, f.bartlett.chi_square, 1e-8);
      expect(b.df).toBe(f.bartlett.df);
      expectClose(b.p, f.bartlett.p, 1e-10);
    });
    it(`squared multiple correlations on ${name}`, () => {
      expectClose(squaredMultipleCorrelations(f.r), f.smc, 1e-10);
    });
  }
  it("Bartlett's p is not tiny for a weakly correlated small sample", () => {
    // attitude's 'critical' and 'advance' with n = 30: a p far from 0 must come through, not a rounded 0
    const r = [[1, 0.1], [0.1, 1]];
    const b = bartlettSphericity(r, 30);
    expect(b.p).toBeGreaterThan(0.5);
    expect(b.df).toBe(1);
  });
});
