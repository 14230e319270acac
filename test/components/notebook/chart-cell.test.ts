import {describe, expect, it} from "vitest";
import {JSDOM} from "jsdom";
import {checkColumns, notebookChart, sortedRows} from "../../../src/components/notebook/chart-cell.ts";
import type {ChartCell} from "../../../src/components/notebook/notebook.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;
const cell = (fields: Partial<ChartCell>): ChartCell => ({kind: "chart", id: "g", from: "tabel1", mark: "bar", x: "klasse", y: "n", ...fields});
const rows = [
  {klasse: "<25.000", n: 28, mean: 2.2, lower: 2.1, upper: 2.3, rol: "a"},
  {klasse: ">100.000", n: 21, mean: 2.5, lower: 2.3, upper: 2.7, rol: "b"},
  {klasse: "25.001-50.000", n: 42, mean: 2.3, lower: 2.2, upper: 2.4, rol: "a"}
];

describe("notebookChart", () => {
  it("sorts categories by the chosen channel", () => {
    expect(sortedRows(rows, cell({sort: "-y"})).map((r) => r.n)).toEqual([42, 28, 21]);
    expect(sortedRows(rows, cell({sort: "x"})).map((r) => r.klasse)).toEqual(["<25.000", ">100.000", "25.001-50.000"]);
    expect(sortedRows(rows, cell({})).map((r) => r.n)).toEqual([28, 21, 42]);
  });
  it("draws bars, dots and lines, faceted when asked", () => {
    const bars = notebookChart(rows, cell({}), {document});
    expect(bars.querySelectorAll("rect").length).toBeGreaterThanOrEqual(3);
    const faceted = notebookChart(rows, cell({mark: "dot", x: "n", y: "mean", facet: "rol"}), {document});
    expect(faceted.querySelectorAll("circle")).toHaveLength(3);
    expect([...faceted.querySelectorAll("[aria-label='fy-axis tick label'] text")].map((t) => t.textContent)).toEqual(["a", "b"]);
  });
  it("gives facet values room on the right, within a third of the width, and every panel its own height", () => {
    const roles = ["gemeentesecretaris", "andere functie"].flatMap((rol) => rows.map((r) => ({...r, rol})));
    const narrow = notebookChart(roles, cell({x: "klasse", y: "n", facet: "rol"}), {width: 300, document}) as SVGSVGElement;
    const labels = [...narrow.querySelectorAll("[aria-label='fy-axis tick label'] text")];
    expect(labels).toHaveLength(2);
    // "gemeentesecretaris" does not fit in 100 px: shortened in the middle, whole in its tooltip
    expect(labels[0].textContent).toContain("…");
    expect(labels[0].querySelector("title")?.textContent).toBe("gemeentesecretaris");
    const wide = notebookChart(roles, cell({x: "klasse", y: "n", facet: "rol"}), {width: 900, document}) as SVGSVGElement;
    expect([...wide.querySelectorAll("[aria-label='fy-axis tick label'] text")].map((t) => t.textContent)).toEqual(["gemeentesecretaris", "andere functie"]);
    // at 300 px the size classes are drawn as horizontal bars, whose height the chart sets per category
    const single = notebookChart(rows, cell({x: "klasse", y: "n"}), {width: 300, document}) as SVGSVGElement;
    expect(single.querySelectorAll("[aria-label='y-axis tick label'] text")).toHaveLength(3);
    expect(Number(narrow.getAttribute("height")) - 60).toBe(2 * (Number(single.getAttribute("height")) - 60));
  });
  it("draws a mean with its interval from lower and upper", () => {
    const chart = notebookChart(rows, cell({mark: "mean-interval", x: "mean", y: "klasse"}), {document});
    expect(chart.textContent).toContain("2,50");
  });
  it("draws diverging Likert bars", () => {
    const likert = [
      {item: "a", antwoord: "oneens", share: 0.4},
      {item: "a", antwoord: "eens", share: 0.6}
    ];
    const chart = notebookChart(likert, cell({mark: "likert", x: "share", y: "item", color: "antwoord"}), {document});
    expect(chart.querySelectorAll("rect").length).toBeGreaterThanOrEqual(2);
  });
  it("names a missing column in Dutch", () => {
    expect(() => checkColumns(rows, cell({y: "gemiddelde"}))).toThrow("Grafiek g: de kolom gemiddelde (y) staat niet in tabel1; er zijn klasse, n, mean, lower, upper, rol.");
    expect(() => checkColumns(rows, cell({mark: "likert", y: "klasse"}))).toThrow("Grafiek g: kies bij kleur de kolom met de antwoorden.");
  });
});
