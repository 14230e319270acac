import {describe, expect, it} from "vitest";
import {tableFromArrays, tableFromIPC, tableToIPC, vectorFromArray, Table, Int64, Utf8, Float64, Int32} from "apache-arrow";
import {parquetReadObjects} from "hyparquet";
import {toCsv, toMarkdown, toParquet} from "../../../src/components/sql/exporters.js";
import {tableRows} from "../../../src/components/sql/columns.js";

describe("toCsv", () => {
  it("quotes delimiters, quotes and line breaks, and writes machine numbers", () => {
    const csv = toCsv(["naam", "waarde"], [["a,b", 2.26], ['zei "ja"', null], ["twee\nregels", 1000000]]);
    expect(csv).toBe('naam,waarde\r\n"a,b",2.26\r\n"zei ""ja""",\r\n"twee\nregels",1000000\r\n');
  });
  it("takes another delimiter", () => {
    expect(toCsv(["a", "b"], [["x;y", 1]], {delimiter: ";"})).toBe('a;b\r\n"x;y";1\r\n');
  });
});

describe("toMarkdown", () => {
  it("escapes pipes, uses Dutch numbers and right-aligns numeric columns", () => {
    const md = toMarkdown(["gemeentegrootte", "gemiddelde"], [["<25.000 | klein", 2.21], ["Totaal", 2.26]], {numeric: [false, true]});
    expect(md).toBe("| gemeentegrootte | gemiddelde |\n| --- | ---: |\n| <25.000 \\| klein | 2,21 |\n| Totaal | 2,26 |\n");
  });
  it("says how many rows were left out", () => {
    expect(toMarkdown(["a"], [[1], [2], [3]], {maxRows: 1})).toContain("… nog 2 rijen niet opgenomen");
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
