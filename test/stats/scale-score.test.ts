import {describe, expect, it} from "vitest";
import {scaleScore} from "../../src/components/stats/scale-score.ts";

describe("scaleScore", () => {
  it("is the mean of the items when all are answered", () => {
    expect(scaleScore({a: 1, b: 2, c: 4}, ["a", "b", "c"])).toBeCloseTo(7 / 3, 12);
  });
  it("is null when any item is unanswered (the report's rule)", () => {
    expect(scaleScore({a: 1, b: null, c: 4}, ["a", "b", "c"])).toBeNull();
    expect(scaleScore({a: 1}, ["a", "b"])).toBeNull();
  });
  it("with a looser rule, the mean of what was answered when enough items are", () => {
    expect(scaleScore({a: 1, b: null, c: 4, d: 4}, ["a", "b", "c", "d"], {minShare: 0.75})).toBe(3);
    expect(scaleScore({a: 1, b: null, c: null, d: 4}, ["a", "b", "c", "d"], {minShare: 0.75})).toBeNull();
    expect(scaleScore({}, ["a"], {minShare: 0})).toBeNull();
  });
});
