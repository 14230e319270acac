import {describe, expect, test} from "vitest";
import {likertLayout, isDark} from "../../src/components/charts/likert.ts";
import {orderedColors} from "../../src/components/charts/palette.ts";
import type {DistributionRow} from "../../src/components/story/model.ts";

const row = (code: number, share: number): DistributionRow => ({item_id: "x", group: "Totaal", code, label: String(code), count: 0, share, n: 10, suppressed: false});

describe("likertLayout", () => {
  test("four answers: the two low ones left of zero, the two high ones right", () => {
    const segments = likertLayout([row(1, 0.1), row(2, 0.3), row(3, 0.4), row(4, 0.2)]);
    expect(segments.map((s) => [s.x1, s.x2].map((x) => Math.round(x * 100) / 100 + 0))).toEqual([
      [-0.4, -0.3],
      [-0.3, 0],
      [0, 0.4],
      [0.4, 0.6]
    ]);
  });
  test("five answers: the middle one is split over zero", () => {
    const segments = likertLayout([row(1, 0.2), row(2, 0.2), row(3, 0.2), row(4, 0.2), row(5, 0.2)]);
    expect(segments[2].x1).toBeCloseTo(-0.1, 10);
    expect(segments[2].x2).toBeCloseTo(0.1, 10);
  });
  test("not diverging: stacked from zero", () => {
    expect(likertLayout([row(1, 0.5), row(2, 0.5)], {diverging: false}).map((s) => s.x1)).toEqual([0, 0.5]);
  });
  test("suppressed groups get no bar", () => {
    expect(likertLayout([{...row(1, 0), suppressed: true}])).toEqual([]);
  });
});

describe("palette", () => {
  test("orderedColors gives k colours and rejects nonsense", () => {
    expect(orderedColors(5)).toHaveLength(5);
    expect(() => orderedColors(9)).toThrow(/invalid/);
  });
  test("isDark", () => {
    expect(isDark("#2166ac")).toBe(true);
    expect(isDark("#f4a582")).toBe(false);
  });
});
