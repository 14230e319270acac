// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {cellTable, cellText} from "../../../src/components/notebook/cell-table.ts";

describe("cellTable", () => {
  it("shows Dutch numbers, missing values and truth values", () => {
    expect([cellText(2.2657), cellText(1234), cellText(null), cellText(true), cellText("<b>")]).toEqual(["2,266", "1.234", "–", "ja", "<b>"]);
  });
  it("is a named, keyboard-reachable region with a caption that counts the rows", () => {
    const rows = Array.from({length: 150}, (_, i) => ({groep: `<g${i}>`, mean: i / 3}));
    const region = cellTable(rows, "tabel1");
    expect(region.getAttribute("role")).toBe("region");
    expect(region.querySelector("table")!.style.width).toBe("max-content");
    expect(region.querySelector("table")!.style.maxWidth).toBe("none");
    expect(region.tabIndex).toBe(0);
    expect(region.getAttribute("aria-label")).toBe("Resultaat van tabel1");
    expect(region.querySelector("caption")!.textContent).toBe("tabel1: 150 rijen, de eerste 100 getoond");
    expect(region.querySelectorAll("tbody tr")).toHaveLength(100);
    // values are text, never markup
    expect(region.querySelector("tbody th")!.textContent).toBe("<g0>");
    expect(region.querySelector("tbody th")!.children).toHaveLength(0);
  });
});
