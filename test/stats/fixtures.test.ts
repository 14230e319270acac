// expectClose is what every comparison with R rests on: it must fail on NaN and on a non-finite mismatch, or a
// broken statistic (0/0, a log of a negative number) would pass as agreeing with R.
import {describe, it, expect} from "vitest";
import {expectClose} from "./fixtures.ts";

describe("expectClose", () => {
  it("passes numbers within the tolerance, also nested", () => {
    expectClose([[1, 2], [3, 4 + 1e-9]], [[1, 2], [3, 4]], 1e-8);
    expectClose(Infinity, Infinity);
    expectClose(null, null);
  });
  it("fails on NaN against a number, in any cell, also when other cells differ", () => {
    expect(() => expectClose(NaN, 1)).toThrow(/NaN/);
    expect(() => expectClose([1, NaN, 3], [1, 2, 3])).toThrow(/\[1\]/);
    expect(() => expectClose([1.5, NaN], [1, 2], 1)).toThrow(/NaN/);
  });
  it("fails on NaN against NaN, against R's NA (null) and on NaN expected", () => {
    expect(() => expectClose(NaN, NaN)).toThrow();
    expect(() => expectClose(NaN, null)).toThrow();
    expect(() => expectClose(1, NaN)).toThrow();
  });
  it("fails on infinities that do not match and on values that are not numbers", () => {
    expect(() => expectClose(Infinity, 1e308)).toThrow();
    expect(() => expectClose(-Infinity, Infinity)).toThrow();
    expect(() => expectClose(1, null)).toThrow();
    expect(() => expectClose("1", 1)).toThrow();
    expect(() => expectClose(undefined, 1)).toThrow();
    expect(() => expectClose([1], [1, 2])).toThrow(/shape/);
  });
});
