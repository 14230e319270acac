import {describe, expect, it} from "vitest";
import {chartOptions, inferChart, validateChart} from "../../../src/components/sql/chart.js";
import type {ResultColumn} from "../../../src/components/sql/columns.js";

const column = (name: string, kind: ResultColumn["kind"]): ResultColumn => ({name, kind, type: kind});

describe("inferChart", () => {
  it("draws bars for a category by a number, skipping code columns as measure", () => {
    expect(inferChart([column("vraag", "category"), column("code", "number"), column("procent", "number"), column("antwoord", "category")])).toEqual({mark: "bar", x: "vraag", y: "procent", color: "antwoord"});
  });
  it("draws a histogram for one number", () => {
    expect(inferChart([column("beschikbaarheid", "number")])).toEqual({mark: "histogram", x: "beschikbaarheid", y: null, color: null});
  });
  it("draws dots for two numbers", () => {
    expect(inferChart([column("kennismanagement", "number"), column("beschikbaarheid", "number")])).toEqual({mark: "dot", x: "kennismanagement", y: "beschikbaarheid", color: null});
  });
  it("counts rows per category when there is no number, and draws lines over dates", () => {
    expect(inferChart([column("size_class", "category")])).toMatchObject({mark: "count", x: "size_class"});
    expect(inferChart([column("dag", "date"), column("n", "number")])).toMatchObject({mark: "line", x: "dag", y: "n"});
  });
  it("gives null when nothing can be drawn", () => {
    expect(inferChart([])).toBeNull();
    expect(inferChart([column("lijst", "other")])).toBeNull();
  });
});

describe("validateChart", () => {
  it("rejects unknown columns and unknown marks", () => {
    const columns = [column("a", "category"), column("b", "number")];
    expect(() => validateChart({mark: "bar", x: "a", y: "c", color: null}, columns)).toThrow("onbekende kolom voor y: c");
    expect(() => validateChart({mark: "pie" as never, x: "a", y: "b", color: null}, columns)).toThrow("ongeldig grafiektype: pie");
    expect(() => validateChart({mark: "dot", x: "a", y: null, color: null}, columns)).toThrow("y-kolom");
  });
});

describe("chartOptions", () => {
  it("turns long category labels into horizontal bars", () => {
    const rows = [{vraag: "Inzicht ontwikkelen in behoeften van bewoners", procent: 40}, {vraag: "Effectief communiceren met bewoners", procent: 60}];
    const options = chartOptions(rows, {mark: "bar", x: "vraag", y: "procent", color: null}) as any;
    expect(options.marks.map((m: any) => m.ariaLabel)).toContain("bar");
    expect(options.y.domain).toEqual(rows.map((r) => r.vraag));
    expect(options.marginLeft).toBeGreaterThan(200);
  });
  it("keeps short categories on the x axis", () => {
    const options = chartOptions([{g: "<25.000", m: 2.21}], {mark: "bar", x: "g", y: "m", color: null}) as any;
    expect(options.x.label).toBe("g");
    expect(options.y.label).toBe("m");
  });
  it("turns bars sideways when the labels would overlap at this width, not when there is room", () => {
    const rows = ["<25.000", "25.001-50.000", "50.001-100.000", ">100.000", "Totaal"].map((g) => ({g, m: 2.2}));
    const narrow = chartOptions(rows, {mark: "bar", x: "g", y: "m", color: null}, {width: 640}) as any;
    expect(narrow.y.domain).toEqual(rows.map((r) => r.g));
    const wide = chartOptions(rows, {mark: "bar", x: "g", y: "m", color: null}, {width: 1000}) as any;
    expect(wide.x.domain).toEqual(rows.map((r) => r.g));
  });
  it("keeps the categories and colours in the order of the query, not alphabetical", () => {
    const rows = [{g: "<25.000", a: "2 Voldoende", m: 2.21}, {g: "25.001-50.000", a: "1 Onvoldoende", m: 2.27}, {g: "Totaal", a: "2 Voldoende", m: 2.26}];
    const options = chartOptions(rows, {mark: "bar", x: "g", y: "m", color: "a"}) as any;
    expect(options.x.domain).toEqual(["<25.000", "25.001-50.000", "Totaal"]);
    expect(options.color.domain).toEqual(["2 Voldoende", "1 Onvoldoende"]);
  });
});
