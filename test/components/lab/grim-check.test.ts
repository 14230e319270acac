import {describe, expect, test} from "vitest";
import {readFileSync} from "node:fs";
import {grimRows, grimLattice, shortClass, verdict} from "../../../src/components/lab/grim-check.ts";
import {halfWidthCurve} from "../../../src/components/lab/half-width-chart.ts";
import {wrapLabel} from "../../../src/components/lab/wrap-label.ts";

const published = JSON.parse(readFileSync("data/published.json", "utf8"));

describe("grimRows", () => {
  test("every printed mean of the tables, totals included; the one impossible mean is Tabel 5's 2,60 at n = 11", () => {
    const rows = grimRows(published);
    expect(rows).toHaveLength(published.tables.reduce((s: number, t: any) => s + t.rows.length + 1, 0));
    const impossible = rows.filter((r) => verdict(r) === "onmogelijk");
    expect(impossible.map((r) => [r.tableId, r.sizeClass, r.mean, r.n])).toEqual([["Tabel 5", "50.001-100.000", 2.6, 11]]);
    expect(impossible[0].nearby).toContain(10);
    expect(impossible[0].nearby).not.toContain(11);
  });
  test("the lattice around it: nine sums over n·k, none of which rounds to the printed mean", () => {
    const bad = grimRows(published).find((r) => !r.result.consistent)!;
    const lattice = grimLattice(bad);
    expect(lattice).toHaveLength(9);
    expect(lattice.every((p) => p.mean === p.total / 33)).toBe(true);
    expect(lattice.some((p) => Math.round(p.mean * 100) === 260)).toBe(false);
  });
});

describe("small helpers", () => {
  test("shortClass shortens the size classes for narrow cells", () => {
    expect(["<25.000", "25.001-50.000", "50.001-100.000", ">100.000", "Totaal"].map(shortClass)).toEqual(["<25k", "25-50k", "50-100k", ">100k", "Totaal"]);
  });
  test("halfWidthCurve: with the correction the half-width is 0 when everyone answers, without it never", () => {
    const curve = halfWidthCurve(0.25, 56);
    const last = curve.filter((d) => d.n === 56);
    expect(last.find((d) => d.variant === "met correctie")!.halfWidth).toBe(0);
    expect(last.find((d) => d.variant === "zonder correctie")!.halfWidth).toBeGreaterThan(0);
    expect(Math.min(...curve.map((d) => d.n))).toBe(5);
  });
  test("wrapLabel breaks at spaces, never inside a word", () => {
    expect(wrapLabel("Samenhang beleidsopgaven en meer", 12)).toBe("Samenhang\nbeleidsopgaven\nen meer");
  });
});
