import {describe, expect, it} from "vitest";
import {readCsv, detectDelimiter} from "../../loaders/read/read-csv.ts";
import {decodeText, firstInvalidUtf8Offset} from "../../loaders/read/decode-text.ts";
import {loadCodebook, codebookProblems} from "../../loaders/codebook/load-codebook.ts";
import {pseudonym} from "../../loaders/tables/survey-tables.ts";
import {InputError} from "../../loaders/input-error.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("readCsv", () => {
  it("reads comma and semicolon exports, with and without BOM, keeping line numbers", () => {
    const comma = readCsv(bytes("a,b\n1,2\n\n3,4\n"), "x.csv");
    expect(comma.columns).toEqual(["a", "b"]);
    expect(comma.rows).toEqual([{line: 2, cells: ["1", "2"]}, {line: 4, cells: ["3", "4"]}]);
    const semicolon = readCsv(bytes("\uFEFFa;b\r\n1;2\r\n"), "x.csv");
    expect(semicolon.columns).toEqual(["a", "b"]);
    expect(semicolon.rows[0].cells).toEqual(["1", "2"]);
  });
  it("keeps quoted delimiters inside a cell", () => {
    expect(readCsv(bytes('a,b\n"x, y",2\n'), "x.csv").rows[0].cells).toEqual(["x, y", "2"]);
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
  });
  it("names the line and column of a row with too few cells", () => {
    expect(() => readCsv(bytes("a,b,c\n1,2,3\n1,2\n"), "x.csv")).toThrow(/x\.csv, line 3, column "3": expected 3 cells/);
  });
  it("names the line of an unclosed quote", () => {
    expect(() => readCsv(bytes('a,b\n1,"2\n3,4\n'), "x.csv")).toThrow(/x\.csv, line \d+: expected a closing double quote/);
  });
  it("rejects an empty file", () => {
    expect(() => readCsv(bytes("  \n"), "x.csv")).toThrow(/x\.csv, line 1: expected a header line/);
  });
});

describe("decodeText", () => {
  it("points at the first byte that is not UTF-8", () => {
    const latin1 = Uint8Array.from([0x61, 0x0a, 0x62, 0x62, 0xeb, 0x0a]); // "a\nbbë" in Windows-1252
    expect(firstInvalidUtf8Offset(latin1)).toBe(4);
    expect(() => decodeText(latin1, "x.csv")).toThrow(InputError);
    expect(() => decodeText(latin1, "x.csv")).toThrow(/x\.csv, line 2, column "3": expected UTF-8 text/);
    expect(decodeText(latin1, "x.csv", "windows-1252")).toBe("a\nbbë\n");
  });
  it("accepts valid multi-byte UTF-8 and rejects overlong or truncated sequences", () => {
    expect(firstInvalidUtf8Offset(bytes("gemeenten ë € 𝄞"))).toBe(-1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xc0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xe2, 0x82]))).toBe(1);
  });
});

describe("codebook", () => {
  const codebook = loadCodebook();
  it("describes every question of the report: 47 items in sections 1.1 to 1.10", () => {
    expect(codebook.items.length).toBe(47);
    expect(new Set(codebook.items.map((i) => i.section)).size).toBe(10);
    expect(codebookProblems(codebook)).toEqual([]);
  });
  it("has the published scales with the report's item counts", () => {
    const count = (scale: string) => codebook.items.filter((i) => i.scale === scale).length;
    expect([count("beschikbaarheid"), count("kennismanagement"), count("externe_kennis"), count("externe_contacten"), count("inwoners_peilen"), count("inwoners_betrekken")]).toEqual([8, 4, 6, 3, 3, 3]);
  });
  it("finds inconsistencies the schema cannot", () => {
    const broken = structuredClone(codebook);
    broken.items[0].response_scale = "nope";
    broken.items[1].id = broken.items[2].id;
    expect(codebookProblems(broken).join("\n")).toMatch(/unknown response scale nope[\s\S]*|duplicate column id/);
    expect(codebookProblems(broken).some((p) => p.startsWith("duplicate column id"))).toBe(true);
  });
  it("pseudonyms are zero-padded in export order", () => {
    expect(pseudonym(0, 107)).toBe("r001");
    expect(pseudonym(106, 107)).toBe("r107");
    expect(pseudonym(0, 12000)).toBe("r00001");
  });
});
