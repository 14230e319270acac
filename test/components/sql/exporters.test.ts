import {describe, expect, it} from "vitest";
import {tableFromArrays, tableFromIPC, tableToIPC, vectorFromArray, Table, Int64, Utf8, Float64, Int32} from "apache-arrow";
import {parquetReadObjects} from "hyparquet";
import {csvFile, markdownCell, toCsv, toMarkdown, toParquet} from "../../../src/components/sql/exporters.js";
import {tableRows} from "../../../src/components/sql/columns.js";

describe("toCsv", () => {
  it("quotes delimiters, quotes and line breaks, writes machine numbers and ends lines with CRLF", () => {
    const csv = toCsv(["naam", "waarde"], [["a,b", 2.26], ['zei "ja"', null], ["twee\nregels", 1000000]]);
    expect(csv).toBe('naam,waarde\r\n"a,b",2.26\r\n"zei ""ja""",\r\n"twee\nregels",1000000\r\n');
  });
  it("neutralises formula cells (OWASP) but leaves numbers, also negative ones, as numbers", () => {
    const csv = toCsv(["cel", "getal"], [['=HYPERLINK("http://x","klik")', -0.5], ["+cmd|' /C calc'!A0", -2], ["@SUM(A1)", null], ["-0,5", 1]]);
    expect(csv).toBe(`cel,getal\r\n"'=HYPERLINK(""http://x"",""klik"")",-0.5\r\n'+cmd|' /C calc'!A0,-2\r\n'@SUM(A1),\r\n"-0,5",1\r\n`);
  });
});

describe("csvFile", () => {
  it("writes a streamed result batch by batch to the same bytes as all at once", async () => {
    const table = tableFromArrays({i: Int32Array.from({length: 5000}, (_, i) => i - 2500), naam: Array.from({length: 5000}, (_, i) => (i % 7 === 0 ? `=A${i}` : `rij ${i}`))});
    const file = csvFile(["i", "naam"], {flushChars: 1000});
    for (const batch of table.batches.flatMap((b) => [b.slice(0, 1234), b.slice(1234, 4000), b.slice(4000)])) file.add(batch);
    expect(file.rows).toBe(5000);
    const text = await file.blob().text();
    expect(text).toBe(toCsv(["i", "naam"], tableRows(table)));
    expect(text.split("\r\n")[1]).toBe("-2500,'=A0");
  });
});

describe("markdownCell", () => {
  it.each([
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"],
    ["<script>x</script>", "&lt;script>x&lt;/script>"],
    ["<http://evil>", "&lt;http://evil>"],
    ["&lt;b&gt; &#60;", "&amp;lt;b&amp;gt; &amp;#60;"],
    ["[klik](javascript:alert(1))", "\\[klik\\](javascript:alert(1))"],
    ["a | b", "a \\| b"],
    ["*vet* `code` ~~weg~~ _schuin_", "\\*vet\\* \\`code\\` \\~\\~weg\\~\\~ \\_schuin\\_"],
    ["twee\nregels", "twee regels"]
  ])("escapes %j", (input, expected) => {
    expect(markdownCell(input)).toBe(expected);
  });
  it.each(["<25.000", ">100.000", "size_class", "2,26", "R&D"])("leaves %j readable", (input) => {
    expect(markdownCell(input)).toBe(input);
  });
});

describe("toMarkdown", () => {
  it("escapes pipes and HTML, uses Dutch numbers and right-aligns numeric columns", () => {
    const md = toMarkdown(["gemeentegrootte", "gemiddelde"], [["<25.000 | klein", 2.21], ["<b>Totaal</b>", 2.26]], {numeric: [false, true]});
    expect(md).toBe("| gemeentegrootte | gemiddelde |\n| --- | ---: |\n| <25.000 \\| klein | 2,21 |\n| &lt;b>Totaal&lt;/b> | 2,26 |\n");
  });
  it("says how many rows were left out", () => {
    expect(toMarkdown(["a"], [[1], [2], [3]], {maxRows: 1})).toContain("… nog 2 rijen niet opgenomen");
    expect(toMarkdown(["a"], [[1]], {totalRows: 10_000_001})).toContain("… nog 10.000.000 rijen niet opgenomen");
  });
});

describe("toParquet", () => {
  it("writes a Parquet file that reads back with the same values and nulls", async () => {
    const table = new Table({
      respondent_id: vectorFromArray(["r001", "r002", null], new Utf8()),
      code: vectorFromArray([1, null, 4], new Int32()),
      n: vectorFromArray([10n, 20n, null], new Int64()),
      gemiddelde: vectorFromArray([2.26, null, 3.5], new Float64())
    });
    const buffer = toParquet(table);
    const rows = await parquetReadObjects({file: buffer});
    expect(rows).toEqual([
      {respondent_id: "r001", code: 1, n: 10n, gemiddelde: 2.26},
      {respondent_id: "r002", code: null, n: 20n, gemiddelde: null},
      {respondent_id: null, code: 4, n: null, gemiddelde: 3.5}
    ]);
  });
  it("writes tables that went through Arrow IPC (as DuckDB-WASM results do)", async () => {
    const table = tableFromIPC(tableToIPC(tableFromArrays({x: Float64Array.from([1.5, 2.5]), label: ["a", "b"]})));
    const rows = await parquetReadObjects({file: toParquet(table)});
    expect(rows).toEqual([{x: 1.5, label: "a"}, {x: 2.5, label: "b"}]);
    expect(tableRows(table)).toEqual([[1.5, "a"], [2.5, "b"]]);
  });
});
