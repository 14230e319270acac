import {describe, it, expect} from "vitest";
import {grim, grimPossibleN, grimPercentage} from "../../src/components/stats/index.js";
import {loadFixture} from "./fixtures.ts";

const fixture = loadFixture("grim.json");

describe("GRIM (Brown & Heathers) on every mean the report prints", () => {
  for (const row of fixture.rows) {
    it(`${row.table} ${row.scale} ${row.size_class}: ${row.mean} with n = ${row.n}, ${row.items} items`, () => {
      const options = {items: row.items, decimals: 2, min: row.range[0], max: row.range[1]};
      expect(grim(row.mean, {...options, n: row.n}).consistent).toBe(row.consistent);
      expect(grimPossibleN(row.mean, {...options, from: 1, to: 120})).toEqual(row.possible_n_1_120 ?? []);
    });
  }
});

describe("grim", () => {
  it("Table 5: 2,60 over 3 items is impossible with n = 11 and possible with n = 10", () => {
    const r = grim(2.6, {n: 11, items: 3});
    expect(r.consistent).toBe(false);
    expect(r.below).toEqual({total: 85, mean: 85 / 33});
    expect(r.above).toEqual({total: 86, mean: 86 / 33});
    expect(grim(2.6, {n: 10, items: 3}).totals).toEqual([78]);
  });
  it("a tie may round either way", () => {
    // 5/4 = 1.25 prints as 1,2 or 1,3 depending on the rounding rule
    expect(grim(1.2, {n: 4, decimals: 1}).consistent).toBe(true);
    expect(grim(1.3, {n: 4, decimals: 1}).consistent).toBe(true);
  });
  it("says when n·k is too large for GRIM to test anything", () => {
    expect(grim(2.26, {n: 101, items: 8}).testable).toBe(false);
    expect(grim(2.6, {n: 11, items: 3}).testable).toBe(true);
  });
  it("percentages: 19% of 107 is possible, 19% of 10 is not", () => {
    expect(grimPercentage(19, {n: 107}).consistent).toBe(true);
    expect(grimPercentage(19, {n: 10}).consistent).toBe(false);
  });
});
