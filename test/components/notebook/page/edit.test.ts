import {describe, expect, it} from "vitest";
import {blankNotebook, insertCell, moveCell, newCell, removeCell, replaceCell, retitle} from "../../../../src/components/notebook/page/edit.ts";
import {NotebookError, parseNotebook} from "../../../../src/components/notebook/notebook.ts";
import {dependencyGraph} from "../../../../src/components/notebook/dependencies.ts";
import {sample} from "../sample-notebook.ts";

describe("notebook edits", () => {
  it("a new cell of each kind has a free id and name and makes a valid notebook", () => {
    let nb = sample;
    for (const kind of ["sql", "chart", "text", "input", "sql", "input"] as const) nb = insertCell(nb, newCell(nb, kind));
    expect(parseNotebook(nb)).toEqual(nb);
    expect(new Set(nb.cells.map((c) => c.id)).size).toBe(nb.cells.length);
    const added = nb.cells.slice(sample.cells.length);
    expect(added.map((c) => c.kind)).toEqual(["sql", "chart", "text", "input", "sql", "input"]);
    // a new SQL cell reads the SQL cell above it, a new chart draws it: a chain, not an unknown name
    expect(added[0]).toMatchObject({kind: "sql", name: "tabel2", sql: "FROM tabel1"});
    expect(added[1]).toMatchObject({kind: "chart", from: "tabel2"});
    expect(added[4]).toMatchObject({kind: "sql", name: "tabel3", sql: "FROM tabel2"});
    expect(added[5]).toMatchObject({kind: "input", name: "keuze2"});
    for (const link of dependencyGraph(nb).links.values()) expect(link.error ?? null).toBeNull();
  });

  it("moves a cell within the list and leaves the ends alone", () => {
    const ids = (nb: typeof sample) => nb.cells.map((c) => c.id);
    expect(ids(moveCell(sample, "i2", -1))).toEqual(["intro", "i2", "i1", "i3", "q1", "g1"]);
    expect(ids(moveCell(sample, "g1", 1))).toEqual(ids(sample));
    expect(ids(moveCell(sample, "intro", -1))).toEqual(ids(sample));
    expect(ids(removeCell(sample, "q1"))).toEqual(["intro", "i1", "i2", "i3", "g1"]);
  });

  it("refuses a change that would make the notebook invalid, with the Dutch message of parseNotebook", () => {
    const q1 = sample.cells.find((c) => c.id === "q1")!;
    expect(() => replaceCell(sample, "q1", {...q1, name: "grootte"} as typeof q1)).toThrow(NotebookError);
    expect(() => replaceCell(sample, "q1", {...q1, name: "select"} as typeof q1)).toThrow(/SQL-sleutelwoord/);
    expect(() => replaceCell(sample, "q1", {...q1, name: "Tabel 1"} as typeof q1)).toThrow(/kleine letters/);
    expect(replaceCell(sample, "q1", {...q1, name: "andere"} as typeof q1).cells[4]).toMatchObject({name: "andere"});
    expect(() => retitle(sample, "x".repeat(201))).toThrow(/hoogstens 200/);
  });

  it("starts a blank notebook with a text and a SQL cell", () => {
    expect(blankNotebook().cells.map((c) => c.kind)).toEqual(["text", "sql"]);
  });
});
