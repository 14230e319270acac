import {describe, it, expect} from "vitest";
import {choiceParam, integerParam, subsetParam, withParams} from "../../../src/components/lab/url-state.ts";

describe("choiceParam", () => {
  it("reads an allowed value", () => expect(choiceParam("?methode=minres", "methode", ["pa", "minres"], "pa")).toBe("minres"));
  it("falls back on a missing, unknown, empty or differently cased value", () => {
    for (const search of ["", "?methode=ml", "?methode=", "?methode=MINRES", "?andere=minres"]) expect(choiceParam(search, "methode", ["pa", "minres"], "pa")).toBe("pa");
  });
});

describe("integerParam", () => {
  const range = {min: 1, max: 4};
  it("reads a whole number in range", () => expect(integerParam("?factoren=3", "factoren", range, 2)).toBe(3));
  it("falls back outside the range and on anything that is not a plain whole number", () => {
    for (const v of ["0", "5", "-1", "2.5", "3abc", "", "1e1", " 3", "drie"]) expect(integerParam(`?factoren=${encodeURIComponent(v)}`, "factoren", range, 2), v).toBe(2);
  });
});

describe("subsetParam", () => {
  const all = ["a", "b", "c", "d"];
  it("reads known values in the order of the allowed list", () => expect(subsetParam("?vragen=c,a", "vragen", all, all)).toEqual(["a", "c"]));
  it("falls back to the default when one value is unknown or the list is empty", () => {
    expect(subsetParam("?vragen=a,x", "vragen", all, all)).toEqual(all);
    expect(subsetParam("?vragen=", "vragen", all, all)).toEqual(all);
    expect(subsetParam("", "vragen", all, ["b"])).toEqual(["b"]);
  });
  it("returns a copy, not the default array itself", () => {
    const fallback = ["a"];
    expect(subsetParam("", "vragen", all, fallback)).not.toBe(fallback);
  });
});

describe("withParams", () => {
  it("sets and removes parameters and keeps the others, commas readable", () => {
    expect(withParams("?grootte=klein&blok=x", {blok: "extern", vragen: "a,b"})).toBe("?grootte=klein&blok=extern&vragen=a,b");
    expect(withParams("?blok=extern", {blok: null})).toBe("");
    expect(withParams("", {factoren: null})).toBe("");
  });
  it("escapes what would break the query", () => expect(withParams("", {x: "a&b=c"})).toBe("?x=a%26b%3Dc"));
});
