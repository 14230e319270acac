import {describe, expect, it} from "vitest";
import {displayValue, elapsedText, rowCountText} from "../../../src/components/sql/format.js";
import {columnKind, plainValue} from "../../../src/components/sql/columns.js";
import {Bool, DateDay, Dictionary, Float64, Int32, Int64, Int8, List, Field, Utf8, TimestampMillisecond} from "apache-arrow";

describe("displayValue", () => {
  it("writes Dutch numbers and keeps markup as plain text", () => {
    expect(displayValue(2.26)).toBe("2,26");
    expect(displayValue(1234567)).toBe("1.234.567");
    expect(displayValue(null)).toBe("");
    expect(displayValue("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(displayValue(new Date(Date.UTC(2022, 0, 31)))).toBe("2022-01-31");
    expect(displayValue({a: 1n})).toBe('{"a":"1"}');
  });
});

describe("columnKind and plainValue", () => {
  it("sorts Arrow types into number, category, date and other", () => {
    expect([new Int32(), new Int64(), new Float64(), new Int8()].map((type) => columnKind({type}))).toEqual(["number", "number", "number", "number"]);
    expect([new Utf8(), new Bool(), new Dictionary(new Utf8(), new Int32())].map((type) => columnKind({type}))).toEqual(["category", "category", "category"]);
    expect(columnKind({type: new DateDay()})).toBe("date");
    expect(columnKind({type: new TimestampMillisecond()})).toBe("date");
    expect(columnKind({type: new List(new Field("x", new Int32()))})).toBe("other");
  });
  it("turns BigInt into numbers when they fit, else into text", () => {
    expect(plainValue(5n, "number")).toBe(5);
    expect(plainValue(2n ** 60n, "number")).toBe("1152921504606846976");
    expect(plainValue(0, "date")).toEqual(new Date(0));
  });
});

describe("counts and times in Dutch", () => {
  it("reads naturally", () => {
    expect(rowCountText(1)).toBe("1 rij");
    expect(rowCountText(1000000)).toBe("1.000.000 rijen");
    expect(elapsedText(12.4)).toBe("12 ms");
    expect(elapsedText(1430)).toBe("1,4 s");
  });
});

describe("decimals", () => {
  it("are read with their scale: DECIMAL(11,1) -0.5 and 2.0 arrive as the unscaled -5 and 20", async () => {
    const {Decimal, makeData, makeVector, Table} = await import("apache-arrow");
    const {tableRows} = await import("../../../src/components/sql/columns.js");
    const words = new Uint32Array([0xfffffffb, 0xffffffff, 0xffffffff, 0xffffffff, 20, 0, 0, 0]);
    const table = new Table({getal: makeVector(makeData({type: new Decimal(1, 11, 128), length: 2, data: words}))});
    expect(tableRows(table)).toEqual([[-0.5], [2]]);
    expect(plainValue(125n, "number", 2)).toBe(1.25);
  });
});
