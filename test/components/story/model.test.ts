import {describe, expect, test} from "vitest";
import {finishDistribution, finishMoments, MIN_N, tQuantile975, type RawCount} from "../../../src/components/story/model.ts";

const options = () => [
  {code: 1, label: "Nee"},
  {code: 2, label: "Ja"}
];

describe("finishDistribution", () => {
  test("fills in empty answers with zero and computes weighted shares", () => {
    const raw: RawCount[] = [
      {item_id: "x", group: "Totaal", code: 2, count: 6, weight: 3},
      {item_id: "x", group: "Totaal", code: 1, count: 0, weight: 0}
    ];
    const rows = finishDistribution(raw.slice(0, 1), {items: ["x"], options, groups: ["Totaal"]});
    expect(rows.map((r) => [r.code, r.count, r.share, r.n])).toEqual([
      [1, 0, 0, 6],
      [2, 6, 1, 6]
    ]);
  });
  test(`suppresses a group with fewer than ${MIN_N} answers`, () => {
    const rows = finishDistribution([{item_id: "x", group: "A", code: 1, count: 4, weight: 4}], {items: ["x"], options, groups: ["A"]});
    expect(rows.every((r) => r.suppressed && r.share === null)).toBe(true);
  });
});

describe("finishMoments", () => {
  test("unweighted: mean ± t(n-1)·s/√n", () => {
    const xs = [1, 2, 3, 4, 5];
    const m = {group: "g", n: 5, sw: 5, swx: 15, sww: 5, swwx: 15, swwxx: 55};
    const row = finishMoments(m);
    const s = Math.sqrt(xs.reduce((a, x) => a + (x - 3) ** 2, 0) / 4);
    expect(row.mean).toBe(3);
    expect(row.high! - 3).toBeCloseTo(2.776 * (s / Math.sqrt(5)), 10);
  });
  test("weights that are all equal give the unweighted interval", () => {
    const a = finishMoments({group: "g", n: 5, sw: 5, swx: 15, sww: 5, swwx: 15, swwxx: 55});
    const b = finishMoments({group: "g", n: 5, sw: 10, swx: 30, sww: 20, swwx: 60, swwxx: 220});
    expect(b.mean).toBeCloseTo(a.mean!, 12);
    expect(b.low).toBeCloseTo(a.low!, 12);
  });
  test("n below 5 is suppressed", () => {
    expect(finishMoments({group: "g", n: 4, sw: 4, swx: 8, sww: 4, swwx: 8, swwxx: 20})).toMatchObject({suppressed: true, mean: null});
  });
});

describe("tQuantile975", () => {
  test("table values and the large-df expansion", () => {
    expect(tQuantile975(10)).toBe(2.228);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(100)).toBeCloseTo(1.984, 3);
    expect(tQuantile975(0)).toBeNaN();
  });
});
