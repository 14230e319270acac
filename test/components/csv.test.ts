import {describe, expect, it} from "vitest";
import {csvParseRows} from "d3-dsv";
import {csvCellText, csvFromObjects, csvText, csvWriter, neutraliseFormula} from "../../src/components/csv.js";

describe("csvText", () => {
  it("quotes delimiters, quotes and line breaks, writes machine numbers and ends every line", () => {
    const csv = csvText(["naam", "waarde"], [["a,b", 2.26], ['zei "ja"', null], ["twee\nregels", 1000000]], {lineEnd: "\r\n"});
    expect(csv).toBe('naam,waarde\r\n"a,b",2.26\r\n"zei ""ja""",\r\n"twee\nregels",1000000\r\n');
  });
  it("uses LF by default and takes another delimiter", () => {
    expect(csvText(["a", "b"], [["x;y", 1]], {delimiter: ";"})).toBe('a;b\n"x;y";1\n');
  });
  it("reads back with d3-dsv to the same text", () => {
    const rows = [["=1+1", "tab\there", 'q"uote', "é ü", ""]];
    expect(csvParseRows(csvText(["a", "b", "c", "d", "e"], rows))).toEqual([["a", "b", "c", "d", "e"], ...rows]);
  });
  it("writes BigInt in full, dates in ISO 8601 and nested values as JSON", () => {
    expect(csvText(["n", "d", "t", "l"], [[2n ** 70n, new Date("2022-03-01T00:00:00Z"), new Date("2022-03-01T10:30:00Z"), {a: [1n, 2]}]])).toBe(
      'n,d,t,l\n1180591620717411303424,2022-03-01,2022-03-01T10:30:00Z,"{""a"":[""1"",2]}"\n'
    );
  });
  it("gives the same text written in pieces as at once", () => {
    const rows = Array.from({length: 10}, (_, i) => [`r${i}`, i / 3]);
    const writer = csvWriter({lineEnd: "\r\n"});
    expect(writer.header(["id", "x"]) + writer.rows(rows.slice(0, 4)) + writer.rows(rows.slice(4))).toBe(csvText(["id", "x"], rows, {lineEnd: "\r\n"}));
  });
  it("writes objects in the given column order", () => {
    expect(csvFromObjects([{b: 1, a: "x"}], ["a", "b"])).toBe("a,b\nx,1\n");
    expect(csvFromObjects([{b: 1, a: "x"}])).toBe("b,a\n1,x\n");
  });
});

describe("neutraliseFormula", () => {
  it.each([
    ["=HYPERLINK(\"http://x\",\"klik\")", "'=HYPERLINK(\"http://x\",\"klik\")"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["-1+1", "'-1+1"],
    ["- kop", "'- kop"]
  ])("puts a quote before %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
  it.each(["-0,5", "-0.5", "+1.5", "-2e3", "2,26", "Utrecht", " =1", "a=b", ""])("leaves %j alone", (input) => {
    expect(neutraliseFormula(input)).toBe(input);
  });
});

describe("csvText with neutraliseFormulas", () => {
  it("neutralises text cells and column names, never numbers", () => {
    const csv = csvText(["=naam", "waarde"], [["=HYPERLINK(\"http://x\")", -0.5], ["-0,5", -2], ["@user", null]], {neutraliseFormulas: true});
    expect(csv).toBe(`'=naam,waarde\n"'=HYPERLINK(""http://x"")",-0.5\n"-0,5",-2\n'@user,\n`);
  });
  it("leaves formula-like text alone when not asked (the pipeline's data files)", () => {
    expect(csvText(["a"], [["=1"]])).toBe("a\n=1\n");
  });
});

describe("csvCellText", () => {
  it("keeps NaN and null apart", () => {
    expect(csvCellText(Number.NaN)).toBe("NaN");
    expect(csvCellText(null)).toBe("");
    expect(csvCellText(undefined)).toBe("");
  });
});
