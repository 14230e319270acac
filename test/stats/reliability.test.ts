import {describe, it, expect} from "vitest";
import {cronbachAlpha, completeRows, omegaTotal, pearsonCorrelation, omegaTotalFromLoadings} from "../../src/components/stats/index.js";
import {loadFixture, expectClose} from "./fixtures.ts";

const classic = loadFixture("classic.json");

describe("cronbachAlpha = psych::alpha (raw_alpha, alpha.drop, r.drop)", () => {
  it("attitude, 7 items", () => {
    const a = cronbachAlpha(classic.attitude.data);
    expectClose(a.alpha, classic.attitude.alpha.alpha, 1e-10);
    expectClose(a.alphaIfDeleted, classic.attitude.alpha.alpha_if_deleted, 1e-10);
    expectClose(a.itemRest, classic.attitude.alpha.item_rest, 1e-10);
    expect(a.n).toBe(30);
  });
  it("bfi C1-C3, complete rows only", () => {
    const rows = completeRows(classic.bfi.data.map((row: (number | null)[]) => row.slice(5, 8)));
    const a = cronbachAlpha(rows);
    expect(a.n).toBe(classic.bfi.alpha_c.n);
    expectClose(a.alpha, classic.bfi.alpha_c.alpha, 1e-10);
    expectClose(a.alphaIfDeleted, classic.bfi.alpha_c.alpha_if_deleted, 1e-10);
    expectClose(a.itemRest, classic.bfi.alpha_c.item_rest, 1e-10);
  });
});

describe("omegaTotal from a one-factor solution", () => {
  it("with principal axis loadings (deterministic)", () => {
    const o = omegaTotal(classic.attitude.factors2.r, {method: "pa"});
    expectClose(o.loadings, classic.attitude.omega.loadings_pa, 1e-6);
    expectClose(o.omegaModel, classic.attitude.omega.omega_pa, 1e-6);
  });
  it("with minres loadings, within 1e-4 of psych's minres (its optimiser stops earlier)", () => {
    const o = omegaTotal(classic.attitude.factors2.r);
    expectClose(o.omegaModel, classic.attitude.omega.omega_minres, 1e-4);
    const c = omegaTotal(pearsonCorrelation(classic.bfi.data.map((row: (number | null)[]) => row.slice(5, 8))).r);
    expectClose(c.omegaModel, classic.bfi.omega_c.omega_minres, 1e-4);
  });
  it("equals alpha's upper bound case: equal loadings give omega = standardised alpha", () => {
    // three items loading 0.6: omega = (1.8)² / (3.24 + 3 · 0.64)
    expectClose(omegaTotalFromLoadings([0.6, 0.6, 0.6]), 3.24 / (3.24 + 1.92), 1e-12);
  });
});
