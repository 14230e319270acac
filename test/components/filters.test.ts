import {describe, expect, test} from "vitest";
import {defaultFilter, describeFilter, filterSearch, neighbourFilters, parseFilter, urlWord} from "../../src/components/filters.ts";
import {formatMeanN, formatNumber, formatPercent} from "../../src/components/format.ts";
import {sqlText} from "../../src/components/story/sql.ts";
import codebook from "../../data/codebook.json" with {type: "json"};

// The filter domain as the survey metadata gives it (meta.sizeClasses, meta.roles, meta.population).
const values = (id: string) => codebook.background.find((b) => b.id === id)!.values;
const domain = {sizeClasses: values("size_class"), roles: values("role"), population: {total: codebook.population.total}};
const all = defaultFilter(domain);

describe("filters in the URL", () => {
  test("the default filter has an empty query string and parses back", () => {
    expect(all).toEqual({sizes: domain.sizeClasses, role: "alle", weighted: false});
    expect(filterSearch(all, domain)).toBe("");
    expect(parseFilter("", domain)).toEqual(all);
  });
  test("round trip of every part, keeping other parameters", () => {
    const filter = {sizes: [domain.sizeClasses[0], domain.sizeClasses[3]], role: domain.roles[0], weighted: true};
    const search = filterSearch(filter, domain, "?q=1");
    expect(search).toBe("?q=1&grootte=klein,stad&functie=secretaris&weging=gewogen");
    expect(parseFilter(search, domain)).toEqual(filter);
  });
  test("unknown values fall back to the default, not to an empty selection", () => {
    expect(parseFilter("?functie=burgemeester&weging=zwaar", domain)).toEqual(all);
    expect(parseFilter("?grootte=reus", domain)).toEqual(all);
    expect(parseFilter("?grootte=reus,,", domain)).toEqual(all);
  });
  test("known size words are kept, unknown ones dropped", () => {
    expect(parseFilter("?grootte=reus,klein", domain).sizes).toEqual([domain.sizeClasses[0]]);
  });
  test("an explicitly empty size list (every box unticked) stays empty and round-trips", () => {
    const none = {...all, sizes: []};
    expect(filterSearch(none, domain)).toBe("?grootte=");
    expect(parseFilter("?grootte=", domain)).toEqual(none);
  });
  test("a size class or role the codebook adds later gets a URL word from its own name", () => {
    const other = {sizeClasses: ["<50.000", "≥50.000 inwoners"], roles: ["griffier"]};
    expect(urlWord("≥50.000 inwoners")).toBe("50-000-inwoners");
    const filter = {sizes: ["≥50.000 inwoners"], role: "griffier", weighted: false};
    expect(parseFilter(filterSearch(filter, other), other)).toEqual(filter);
  });
  test("describeFilter says what is selected in Dutch, with the population from the metadata", () => {
    expect(describeFilter(parseFilter("?functie=ander&weging=gewogen", domain), domain)).toBe(`ingevuld door een andere functie; gewogen naar alle ${codebook.population.total} gemeenten`);
    expect(describeFilter(all, {...domain, population: {total: 100}})).toBe("ongewogen, zoals het rapport");
    expect(describeFilter({...all, weighted: true}, {...domain, population: {total: 100}})).toBe("gewogen naar alle 100 gemeenten");
  });
});

describe("neighbourFilters", () => {
  test("every filter one click away: each size class ticked or unticked, each other role, the other weighting", () => {
    const filter = {sizes: [domain.sizeClasses[0], domain.sizeClasses[2]], role: domain.roles[0], weighted: false};
    const near = neighbourFilters(filter, domain).map((f) => filterSearch(f, domain));
    expect(near).toEqual([
      "?grootte=groot&functie=secretaris",
      "?grootte=klein,middel,groot&functie=secretaris",
      "?grootte=klein&functie=secretaris",
      "?grootte=klein,groot,stad&functie=secretaris",
      "?grootte=klein,groot",
      "?grootte=klein,groot&functie=ander",
      "?grootte=klein,groot&functie=secretaris&weging=gewogen"
    ]);
    expect(new Set(near).size).toBe(domain.sizeClasses.length + domain.roles.length + 1);
    expect(near).not.toContain(filterSearch(filter, domain));
  });
});

describe("Dutch number format", () => {
  test("decimal comma, percent without space", () => {
    expect(formatNumber(2.256)).toBe("2,26");
    expect(formatPercent(0.19)).toBe("19%");
    expect(formatPercent(0.271, 1)).toBe("27,1%");
    expect(formatMeanN(2.3, 83)).toBe("2,30 (83)");
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(NaN)).toBe("–");
  });
  test("two decimals always show both: 2,10, never 2,1", () => {
    expect(formatNumber(2.1)).toBe("2,10");
    expect(formatNumber(2)).toBe("2,00");
    expect(formatNumber(2.099999)).toBe("2,10");
  });
  test("a value that rounds to zero never shows a minus sign", () => {
    expect(formatNumber(-0.001)).toBe("0,00");
    expect(formatNumber(-0)).toBe("0,00");
    expect(formatNumber(-0.004999)).toBe("0,00");
    expect(formatNumber(-0.006)).toBe("-0,01");
    expect(formatPercent(-0.001)).toBe("0%");
    expect(formatPercent(-0.0004, 1)).toBe("0,0%");
    expect(formatPercent(-0.02)).toBe("-2%");
  });
});

describe("sqlText", () => {
  test("interpolated values become literals", () => {
    expect(sqlText`SELECT * FROM t WHERE a = ${"O'Brien"} AND b IN ${[1, 2]} AND c = ${null}`).toBe("SELECT * FROM t WHERE a = 'O''Brien' AND b IN [1, 2] AND c = NULL");
  });
});
