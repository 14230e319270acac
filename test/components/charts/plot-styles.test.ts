// @vitest-environment jsdom
// Plot's per-chart <style> is moved to the page's head once per distinct text, so that a page with many charts has
// one copy of Plot's stylesheet; a chart drawn for another document (build time) keeps its own.
import * as Plot from "@observablehq/plot";
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {accessibleChart} from "../../../src/components/charts/accessible.ts";

const chart = (doc: Document, legend: boolean) =>
  accessibleChart(Plot.plot({document: doc, color: {legend, domain: ["a", "b"]}, marks: [Plot.barX([{x: 1, c: "a"}], {x: "x", fill: "c"})]}));

describe("Plot's stylesheet on a page with many charts", () => {
  test("is in the head once per distinct text, and in no chart", () => {
    const before = document.head.querySelectorAll("style").length;
    const charts = [chart(document, true), chart(document, true), chart(document, false)];
    for (const c of charts) expect(c.querySelectorAll("style")).toHaveLength(0);
    const head = [...document.head.querySelectorAll("style")].slice(before).map((s) => s.textContent ?? "");
    // the chart's own rules and the swatch legend's rules, each once
    expect(head).toHaveLength(2);
    expect(head.some((t) => t.includes(":where(.plot-") && t.includes("max-width: 100%"))).toBe(true);
    expect(head.some((t) => t.includes("-swatches"))).toBe(true);
  });

  test("stays in a chart drawn for another document (a page built ahead of time)", () => {
    const other = new JSDOM("<!doctype html><html><head></head><body></body></html>").window.document;
    const drawn = chart(other, true);
    expect(drawn.querySelectorAll("style").length).toBeGreaterThan(0);
    expect(other.head.querySelectorAll("style")).toHaveLength(0);
  });
});
