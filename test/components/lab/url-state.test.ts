import {describe, expect, test} from "vitest";
import {choiceParam, integerParam, listParam, queryWithState, readUrlState, urlWithState, writeUrlState} from "../../../src/components/lab/url-state.ts";

const spec = {
  scale: choiceParam("schaal", ["beschikbaarheid", "kennismanagement"], "beschikbaarheid"),
  seed: integerParam("startwaarde", {min: 1, max: 1_000_000, defaultValue: 42})
};

describe("readUrlState", () => {
  test("reads every control from the query string", () => {
    expect(readUrlState(spec, "?schaal=kennismanagement&startwaarde=7")).toEqual({scale: "kennismanagement", seed: 7});
  });
  test("a missing parameter gives its default", () => {
    expect(readUrlState(spec, "")).toEqual({scale: "beschikbaarheid", seed: 42});
  });
  test("unknown values fall back to the default, one control at a time", () => {
    expect(readUrlState(spec, "?schaal=onbekend&startwaarde=7")).toEqual({scale: "beschikbaarheid", seed: 7});
    for (const seed of ["7.5", "1e3", "", "0", "1000001", "12abc", " 7", "99999999999999999999"])
      expect(readUrlState(spec, `?startwaarde=${encodeURIComponent(seed)}`).seed, seed).toBe(42);
  });
  test("a valid value equal to a bound is kept", () => {
    expect(readUrlState(spec, "?startwaarde=1000000").seed).toBe(1_000_000);
    expect(readUrlState(spec, "?startwaarde=1").seed).toBe(1);
  });
});

describe("urlWithState", () => {
  test("writes values that differ from the default, keeps other parameters and the fragment", () => {
    expect(urlWithState(spec, {scale: "kennismanagement", seed: 7}, "https://x.nl/lab/onzekerheid?taal=nl#begrippen"))
      .toBe("https://x.nl/lab/onzekerheid?taal=nl&schaal=kennismanagement&startwaarde=7#begrippen");
  });
  test("a default value is removed from the link", () => {
    expect(urlWithState(spec, {scale: "beschikbaarheid", seed: 42}, "https://x.nl/lab/onzekerheid?schaal=kennismanagement&startwaarde=7"))
      .toBe("https://x.nl/lab/onzekerheid");
  });
  test("controls not given are left as they are", () => {
    expect(urlWithState(spec, {seed: 8}, "https://x.nl/p?schaal=kennismanagement")).toBe("https://x.nl/p?schaal=kennismanagement&startwaarde=8");
  });
  test("what it writes reads back as the same values", () => {
    const values = {scale: "kennismanagement" as const, seed: 123456};
    expect(readUrlState(spec, new URL(urlWithState(spec, values, "https://x.nl/p")).search)).toEqual(values);
  });
});

describe("writeUrlState", () => {
  test("replaces the address without a new history entry, and only when it changes", () => {
    const calls: string[] = [];
    const location = {href: "https://x.nl/lab/onzekerheid"} as Location;
    const history = {state: null, replaceState: (_: unknown, __: string, url: string) => (calls.push(url), (location.href = url))} as unknown as History;
    writeUrlState(spec, {seed: 9}, {location, history});
    writeUrlState(spec, {seed: 9}, {location, history});
    expect(calls).toEqual(["https://x.nl/lab/onzekerheid?startwaarde=9"]);
  });
});

describe("parameter definitions", () => {
  test("a default outside the choices or bounds is a programming error", () => {
    expect(() => choiceParam("schaal", ["a"], "b" as "a")).toThrow("invalid default for schaal: b");
    expect(() => integerParam("startwaarde", {min: 1, max: 10, defaultValue: 0})).toThrow("invalid default for startwaarde: 0");
  });
});

describe("listParam and queryWithState", () => {
  const spec = {items: listParam("vragen", ["a", "b", "c"], ["a", "b", "c"])};
  test("reads a subset in the list's order; an unknown or empty value gives the default", () => {
    expect(readUrlState(spec, "?vragen=c,a").items).toEqual(["a", "c"]);
    expect(readUrlState(spec, "?vragen=a,x").items).toEqual(["a", "b", "c"]);
    expect(readUrlState(spec, "?vragen=").items).toEqual(["a", "b", "c"]);
  });
  test("a link query leaves the default out and keeps commas readable", () => {
    expect(queryWithState(spec, {items: ["a", "b", "c"]})).toBe("");
    expect(queryWithState(spec, {items: ["a", "c"]})).toBe("?vragen=a,c");
  });
});
