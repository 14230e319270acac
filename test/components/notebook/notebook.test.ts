import {describe, expect, it} from "vitest";
import {NotebookError, parseNotebook, serializeNotebook} from "../../../src/components/notebook/notebook.ts";
import {sample} from "./sample-notebook.ts";


const withCell = (cell: unknown) => ({version: 1, title: "t", cells: [cell]});
const message = (input: unknown) => {
  try {
    parseNotebook(input);
  } catch (error) {
    expect(error).toBeInstanceOf(NotebookError);
    return (error as Error).message;
  }
  throw new Error("accepted");
};

describe("parseNotebook", () => {
  it("reads every cell kind back unchanged", () => {
    expect(parseNotebook(JSON.stringify(sample))).toEqual(sample);
    expect(parseNotebook(serializeNotebook(sample))).toEqual(sample);
  });
  it("refuses text that is not JSON, and other versions", () => {
    expect(message("{")).toMatch(/^Dit is geen notebook: de tekst is geen geldige JSON/);
    expect(message("[]")).toBe("Dit is geen notebook: verwacht een JSON-object met version, title en cells.");
    expect(message({version: 2, title: "", cells: []})).toBe("Onbekende notebookversie 2: deze site leest versie 1.");
  });
  it("refuses unknown fields, naming the cell and the field", () => {
    expect(message({...sample, script: "x"})).toBe('Het notebook heeft een onbekend veld "script"; toegestaan zijn version, title, cells.');
    expect(message(withCell({kind: "sql", id: "q1", name: "tabel1", sql: "SELECT 1", onload: "alert(1)"})))
      .toBe('Cel 1 (tabel1) heeft een onbekend veld "onload"; toegestaan zijn kind, id, name, sql.');
    expect(message(withCell({kind: "chart", id: "g1", from: "t", mark: "bar", x: "a", render: "() => 1"}))).toMatch(/^Cel 1 \(g1\) heeft een onbekend veld "render"/);
    expect(message(withCell({kind: "text", id: "t1", markdown: "", html: "<b>"}))).toMatch(/onbekend veld "html"/);
    expect(message(withCell({kind: "js", id: "x", code: "alert(1)"}))).toBe('Cel 1 (x): het veld "kind" moet een van sql, chart, text, input zijn, niet "js".');
    expect(message(withCell({kind: "sql", id: "q1", name: "tabel1", ["__proto__"]: {}, sql: "x"}))).toMatch(/onbekend veld "__proto__"/);
  });
  it("refuses names that are not plain SQL identifiers, whatever they hold", () => {
    for (const bad of ["Tabel", "1tabel", "tabel-1", "t; DROP TABLE respondents", "<script>alert(1)</script>", ""]) {
      expect(message(withCell({kind: "sql", id: "q1", name: bad, sql: "SELECT 1"}))).toMatch(/^Cel 1 \(q1\): het veld "name" moet een naam zijn van kleine letters/);
    }
    expect(message(withCell({kind: "sql", id: "q1", name: "a".repeat(64), sql: "SELECT 1"}))).toMatch(/het veld "name" is 64 tekens lang; hoogstens 63 mag/);
    expect(parseNotebook(withCell({kind: "sql", id: "q1", name: "_" + "a".repeat(62), sql: "SELECT 1"})).cells).toHaveLength(1);
  });
  it("refuses names of the survey's tables, SQL keywords and names used twice", () => {
    expect(message(withCell({kind: "sql", id: "q1", name: "respondents", sql: "SELECT 1"}))).toBe('Cel 1 (respondents): de naam "respondents" is al de naam van een tabel van de enquête; kies een andere.');
    expect(message(withCell({kind: "input", id: "i1", name: "select", control: "select", options: [1], value: 1}))).toMatch(/is een SQL-sleutelwoord/);
    expect(message({version: 1, title: "", cells: [sample.cells[4], {...sample.cells[4], id: "q2"}]})).toBe('Cel 2 (tabel1): de naam "tabel1" is al gebruikt door cel 1.');
    expect(message({version: 1, title: "", cells: [sample.cells[4], {...sample.cells[0], id: "q1"}]})).toBe('Cel 2 (q1): het id "q1" is al gebruikt door cel 1.');
  });
  it("bounds every string", () => {
    expect(message(withCell({kind: "sql", id: "q1", name: "t", sql: "x".repeat(20_001)}))).toBe('Cel 1 (t): het veld "sql" is 20001 tekens lang; hoogstens 20000 mag.');
    expect(message({version: 1, title: "x".repeat(201), cells: []})).toBe('Het notebook: het veld "title" is 201 tekens lang; hoogstens 200 mag.');
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "select", options: ["x".repeat(501)], value: "x"}))).toMatch(/"options" is 501 tekens lang/);
    expect(message({version: 1, title: "", cells: Array.from({length: 201}, (_, i) => ({kind: "text", id: `t${i}`, markdown: ""}))})).toMatch(/hoogstens 200 cellen/);
  });
  it("checks inputs: values among the options, ranges in order, finite numbers", () => {
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "select", options: ["x"], value: "y"}))).toBe('Cel 1 (a): de waarde "y" staat niet tussen de opties.');
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "checkboxes", options: ["x"], value: "x"}))).toMatch(/moet een lijst zijn/);
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "range", min: 5, max: 1, step: 1, value: 2}))).toBe('Cel 1 (a): "min" moet kleiner zijn dan "max".');
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "range", min: 1, max: 5, step: 1, value: 9}))).toBe('Cel 1 (a): "value" moet tussen 1 en 5 liggen.');
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "slider", min: 1}))).toMatch(/"control" moet een van select, checkboxes, range zijn/);
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "select", options: [{toString: 1}], value: 1}))).toMatch(/"options" moet tekst of een getal zijn/);
    expect(message(withCell({kind: "input", id: "i", name: "a", control: "select", options: ["x", "x"], value: "x"}))).toMatch(/één keer/);
  });
  it("checks charts: a known mark and sort, a named source", () => {
    expect(message(withCell({kind: "chart", id: "g", from: "t", mark: "pie", x: "a"}))).toMatch(/^Cel 1 \(g\): het veld "mark" moet een van bar, dot, line, likert, mean-interval zijn, niet "pie"/);
    expect(message(withCell({kind: "chart", id: "g", from: "t", mark: "bar"}))).toBe('Cel 1 (g) mist het veld "x".');
    expect(message(withCell({kind: "chart", id: "g", from: "t x", mark: "bar", x: "a"}))).toMatch(/"from" moet een naam zijn/);
    expect(message(withCell({kind: "chart", id: "g", from: "t", mark: "bar", x: "a", sort: "random"}))).toMatch(/"sort" moet een van x, -x, y, -y zijn/);
  });
});
