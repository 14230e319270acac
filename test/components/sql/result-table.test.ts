// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {tableFromArrays} from "apache-arrow";
import {pageWindow, pager, partialResultText, resultTable} from "../../../src/components/sql/result-table.js";

describe("pageWindow", () => {
  it("gives the rows of a page, clamped to the pages there are", () => {
    expect(pageWindow(120, 50, 0)).toEqual({page: 0, pages: 3, offset: 0, first: 1, last: 50});
    expect(pageWindow(120, 50, 2)).toEqual({page: 2, pages: 3, offset: 100, first: 101, last: 120});
    expect(pageWindow(120, 50, 9).page).toBe(2);
    expect(pageWindow(120, 50, -1).page).toBe(0);
    expect(pageWindow(0, 50, 0)).toEqual({page: 0, pages: 1, offset: 0, first: 0, last: 0});
  });
});

describe("partialResultText", () => {
  it("speaks only when rows were left out", () => {
    expect(partialResultText(10, 10)).toBe("");
    expect(partialResultText(1_000_000, 10_000)).toBe("1.000.000 rijen; de eerste 10.000 staan hieronder, de rest is alleen geteld. Exporteren geeft alle rijen.");
  });
});

describe("resultTable", () => {
  const table = tableFromArrays({naam: ["<img src=x onerror=alert(1)>", "b", null], n: Float64Array.from([2.26, 1000, 3])});
  it("shows one page with values as text, Dutch numbers, right-aligned numbers and NULL marked", () => {
    const element = resultTable(table, pageWindow(3, 2, 0), 3);
    expect([...element.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["naam", "n"]);
    expect([...element.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
      ["<img src=x onerror=alert(1)>", "2,26"],
      ["b", "1.000"]
    ]);
    expect(element.querySelector("img")).toBeNull();
    expect(element.querySelector("td:last-child")!.className).toBe("num");
    expect(element.querySelector("caption")!.textContent).toBe("Resultaat, rijen 1 tot en met 2 van 3");
    const second = resultTable(table, pageWindow(3, 2, 1), 3);
    expect(second.querySelector("td.null")!.textContent).toBe("NULL");
  });
  it("says so when a statement returned no table", () => {
    expect(resultTable(tableFromArrays({}), pageWindow(0, 50, 0), 0).textContent).toBe("De query is uitgevoerd en gaf geen tabel terug.");
  });
});

describe("pager", () => {
  it("is absent for one page, and turns pages with disabled ends", () => {
    expect(pager(pageWindow(10, 50, 0), () => {})).toBeNull();
    const steps: number[] = [];
    const element = pager(pageWindow(120, 50, 0), (step) => steps.push(step))!;
    const [previous, next] = element.querySelectorAll("button");
    expect(previous.disabled).toBe(true);
    expect(next.disabled).toBe(false);
    next.click();
    expect(steps).toEqual([1]);
    expect(element.textContent).toContain("rijen 1–50 · pagina 1 van 3");
  });
});
