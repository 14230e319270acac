import {describe, expect, it} from "vitest";
import {postStratificationWeights} from "../../src/components/stats/post-stratification.ts";

describe("postStratificationWeights", () => {
  it("weights each stratum up to its population count", () => {
    const w = postStratificationWeights(["s", "s", "l"], {s: 10, l: 5});
    expect(w).toEqual([5, 5, 5]);
  });
  it("reproduces 352 municipalities from the 107 respondents", () => {
    const strata = [...Array(29).fill("a"), ...Array(42).fill("b"), ...Array(15).fill("c"), ...Array(21).fill("d")];
    const w = postStratificationWeights(strata, {a: 123, b: 141, c: 56, d: 32});
    expect(w.reduce((x, y) => x + y)).toBeCloseTo(352, 9);
    expect(w[0]).toBeCloseTo(123 / 29, 12);
  });
  it("refuses a stratum without respondents or outside the population", () => {
    expect(() => postStratificationWeights(["a"], {a: 1, b: 2})).toThrow(/no respondents in stratum "b"/);
    expect(() => postStratificationWeights(["x"], {x: 1, a: 0})).not.toThrow();
    expect(() => postStratificationWeights(["z"], {a: 1})).toThrow(/invalid stratum "z"/);
  });
});
