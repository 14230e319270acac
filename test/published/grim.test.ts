// GRIM (Brown & Heathers) on every mean the report prints, with its printed n: code finds the impossible ones.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {feasibleSums} from "../../loaders/published/grim.ts";
import {grim, grimPossibleN} from "../../src/components/stats/grim.ts";
import {roundsTo} from "../../loaders/published/rounds-to.ts";

const published = JSON.parse(readFileSync(new URL("../../data/published.json", import.meta.url), "utf8"));

describe("GRIM check of the printed means", () => {
  const printed = published.tables.flatMap((t: any) =>
    [...t.rows, {...t.total, size_class: "Totaal"}].map((r: any) => ({table: t.id, column: t.column ?? t.scale, size_class: r.size_class, mean: r.mean, n: r.n, items: t.items}))
  );
  const inconsistent = printed.filter((p: any) => !grim(p.mean, {n: p.n, items: p.items}).consistent);

  it("finds exactly one impossible mean: Table 5, inwoners betrekken, 50.001-100.000, 2,60 with n = 11", () => {
    expect(inconsistent.map((p: any) => `${p.table} ${p.column} ${p.size_class} ${p.mean} (${p.n})`)).toEqual(["Tabel 5 betrekken 50.001-100.000 2.6 (11)"]);
  });

  it("explains it: 85/33 = 2,58 and 86/33 = 2,61 straddle 2,60; n = 10 gives 78/30", () => {
    const {below, above} = grim(2.6, {n: 11, items: 3});
    expect(below.total).toBe(85);
    expect(above.total).toBe(86);
    expect(below.mean.toFixed(2)).toBe("2.58");
    expect(above.mean.toFixed(2)).toBe("2.61");
    expect(feasibleSums({mean: 2.6, n: 10, items: 3})).toEqual([78]);
    expect(grimPossibleN(2.6, {items: 3, from: 10, to: 12})).toEqual([10]);
  });

  it("records the consistent n for the inconsistent cell and its total", () => {
    const betrekken = published.tables.find((t: any) => t.column === "betrekken");
    const cell = betrekken.rows.find((r: any) => r.size_class === "50.001-100.000");
    expect(feasibleSums({mean: cell.mean, n: cell.n_consistent, items: 3})).toEqual([78]);
    expect(feasibleSums({mean: betrekken.total.mean, n: betrekken.total.n_consistent, items: 3}).length).toBeGreaterThan(0);
  });
});

describe("feasibleSums", () => {
  it("lists every integer sum that rounds to the printed mean", () => {
    expect(feasibleSums({mean: 2.21, n: 28, items: 8})).toEqual([494, 495, 496]);
    for (const s of [494, 495, 496]) expect(roundsTo(s, 224, 2.21)).toBe(true);
    expect(roundsTo(493, 224, 2.21)).toBe(false);
    expect(roundsTo(497, 224, 2.21)).toBe(false);
  });
  it("rounds ties half up, as SPSS prints", () => {
    expect(roundsTo(1, 8, 0.13)).toBe(true); // 0.125
    expect(roundsTo(1, 8, 0.12)).toBe(false);
  });
  it("single items: a percentage is a one-item mean", () => {
    expect(feasibleSums({mean: 0.19, n: 104, items: 1})).toEqual([20]);
    expect(feasibleSums({mean: 0.5, n: 104, items: 1})).toEqual([52]);
  });
});
