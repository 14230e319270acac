// Reading a column chunk by chunk gives exactly what Arrow's own `get` gives, for text that is ASCII or not, with
// nulls, across chunks, in a slice, and for types that are not text.
import {Dictionary, Float64, Int32, Table, Utf8, vectorFromArray, type Vector} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {forEachValue} from "../../../src/components/sql/column-chunks.ts";

const part = (texts: (string | null)[], numbers: (number | null)[]) =>
  new Table({
    tekst: vectorFromArray(texts, new Utf8()),
    getal: vectorFromArray(numbers, new Float64()),
    klasse: vectorFromArray(texts.map((t) => (t === null ? null : t.slice(0, 1))), new Dictionary(new Utf8(), new Int32()))
  });

const table = part(["rij 0", null, "rij 2", "", "rij 4"], [0, 1.5, null, 3, 4])
  .concat(part(["gemeente’s", "Súdwest-Fryslân", null, "€ 5", "x"], [5, 6, 7, null, 9]))
  .concat(part(["a", "b", "c"], [10, 11, 12]));

function read(t: Table, column: string, from: number, to: number) {
  const values: [number, unknown][] = [];
  forEachValue(t.getChild(column as never) as Vector, from, to, (row, value) => values.push([row, value]));
  return values;
}

describe("forEachValue", () => {
  it("gives every value of every column as Arrow's get does, across chunks", () => {
    expect(table.data.length).toBe(3);
    for (const column of ["tekst", "getal", "klasse"]) {
      const vector = table.getChild(column as never) as Vector;
      expect(read(table, column, 0, table.numRows)).toEqual(Array.from({length: table.numRows}, (_, r) => [r, vector.get(r)]));
    }
    expect(read(table, "tekst", 0, 13).map(([, v]) => v)).toEqual(["rij 0", null, "rij 2", "", "rij 4", "gemeente’s", "Súdwest-Fryslân", null, "€ 5", "x", "a", "b", "c"]);
  });

  it("reads a window that starts and ends inside chunks, and a slice of the table", () => {
    expect(read(table, "tekst", 3, 7)).toEqual([[3, ""], [4, "rij 4"], [5, "gemeente’s"], [6, "Súdwest-Fryslân"]]);
    const slice = table.slice(2, 11);
    const vector = slice.getChild("tekst")!;
    expect(read(slice, "tekst", 0, slice.numRows)).toEqual(Array.from({length: slice.numRows}, (_, r) => [r, vector.get(r)]));
    expect(read(slice, "tekst", 0, 3).map(([, v]) => v)).toEqual(["rij 2", "", "rij 4"]);
    // a slice whose first chunk starts at a null: the null bitmap is read at the slice's offset
    expect(read(table.slice(1, 4), "tekst", 0, 3).map(([, v]) => v)).toEqual([null, "rij 2", ""]);
  });

  it("reads nothing for an empty window", () => {
    expect(read(table, "tekst", 5, 5)).toEqual([]);
  });
});
