import {describe, expect, test} from "vitest";
import {filterSearch, parseFilter, describeFilter} from "../../src/components/filters.ts";
import {DEFAULT_FILTER} from "../../src/components/story/model.ts";
import {formatMeanN, formatNumber, formatPercent} from "../../src/components/format.ts";
import {sqlText} from "../../src/components/story/sql.ts";

describe("filters in the URL", () => {
  test("the default filter has an empty query string and parses back", () => {
    expect(filterSearch(DEFAULT_FILTER)).toBe("");
    expect(parseFilter("")).toEqual(DEFAULT_FILTER);
  });
  test("round trip of every part, keeping other parameters", () => {
    const filter = {sizes: ["<25.000", ">100.000"], role: "gemeentesecretaris", weighted: true} as const;
    const search = filterSearch({...filter, sizes: [...filter.sizes]}, "?q=1");
    expect(search).toBe("?q=1&grootte=klein,stad&functie=secretaris&weging=gewogen");
    expect(parseFilter(search)).toEqual({...filter, sizes: [...filter.sizes]});
  });
  test("unknown values fall back to the default", () => {
    expect(parseFilter("?functie=burgemeester&weging=zwaar")).toEqual(DEFAULT_FILTER);
  });
  test("describeFilter says what is selected in Dutch", () => {
    expect(describeFilter(parseFilter("?functie=ander&weging=gewogen"))).toBe("ingevuld door een andere functie; gewogen naar alle 352 gemeenten");
  });
});

describe("Dutch number format", () => {
  test("decimal comma, percent without space", () => {
    expect(formatNumber(2.256)).toBe("2,26");
    expect(formatPercent(0.19)).toBe("19%");
    expect(formatPercent(0.271, 1)).toBe("27,1%");
    expect(formatMeanN(2.3, 83)).toBe("2,30 (83)");
    expect(formatNumber(null)).toBe("–");
  });
});

describe("sqlText", () => {
  test("interpolated values become literals", () => {
    expect(sqlText`SELECT * FROM t WHERE a = ${"O'Brien"} AND b IN ${[1, 2]} AND c = ${null}`).toBe("SELECT * FROM t WHERE a = 'O''Brien' AND b IN [1, 2] AND c = NULL");
  });
});
