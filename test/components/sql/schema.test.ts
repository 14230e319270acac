import {describe, expect, it} from "vitest";
import {completionSchema, schemaTree} from "../../../src/components/sql/schema.js";
import {droppedKind, tableNameForFile} from "../../../src/components/sql/drop.js";
import {runnableText} from "../../../src/components/sql/editor.js";

describe("schemaTree", () => {
  const catalog = [
    {table_name: "mijn_bestand", column_name: "x", data_type: "BIGINT"},
    {table_name: "answers", column_name: "item_id", data_type: "VARCHAR"},
    {table_name: "respondents", column_name: "respondent_id", data_type: "VARCHAR"},
    {table_name: "respondents", column_name: "bes_behoeften", data_type: "INTEGER"},
    {table_name: "respondents", column_name: "beschikbaarheid", data_type: "DOUBLE"}
  ];
  const items = [{item_id: "bes_behoeften", text_nl: "Inzicht ontwikkelen in behoeften van bewoners", labels: "1 Onvoldoende · 2 Voldoende", scale: "beschikbaarheid"}];
  it("puts the survey tables first and the reader's own tables last", () => {
    expect(schemaTree(catalog, items).map((t) => [t.name, t.own])).toEqual([["respondents", false], ["answers", false], ["mijn_bestand", true]]);
  });
  it("gives item columns their Dutch question and answer labels, and explains scale columns", () => {
    const respondents = schemaTree(catalog, items)[0];
    expect(respondents.columns[1]).toEqual({name: "bes_behoeften", type: "INTEGER", question: "Inzicht ontwikkelen in behoeften van bewoners", labels: "1 Onvoldoende · 2 Voldoende"});
    expect(respondents.columns[2].question).toMatch(/^Schaalscore: gemiddelde van 1 vragen \(bes_behoeften\)/);
    expect(respondents.columns[0].question).toBeUndefined();
  });
  it("feeds the editor's completion", () => {
    expect(completionSchema(schemaTree(catalog, items)).respondents).toEqual(["respondent_id", "bes_behoeften", "beschikbaarheid"]);
  });
});

describe("dropped files", () => {
  it("recognises CSV and Parquet by name", () => {
    expect(["a.csv", "B.CSV", "c.tsv", "d.parquet", "e.xlsx"].map(droppedKind)).toEqual(["csv", "csv", "csv", "parquet", null]);
  });
  it("makes a safe table name that never replaces a survey table", () => {
    expect(tableNameForFile("Mijn gemeenten (2024).csv")).toBe("mijn_gemeenten_2024");
    expect(tableNameForFile("2024 cijfers.parquet")).toBe("t_2024_cijfers");
    expect(tableNameForFile("Café Überzicht.csv")).toBe("cafe_uberzicht");
    expect(tableNameForFile("respondents.csv")).toBe("respondents_2");
    expect(tableNameForFile("data.csv", ["data", "data_2"])).toBe("data_3");
    expect(tableNameForFile("\"; DROP TABLE respondents; --.csv")).toBe("drop_table_respondents");
  });
});

describe("runnableText", () => {
  it("runs the selection when there is one, else everything", () => {
    const doc = "SELECT 1;\nSELECT 2";
    expect(runnableText(doc, {from: 10, to: 18})).toEqual({sql: "SELECT 2", offset: 10, selection: true});
    expect(runnableText(doc, {from: 4, to: 4})).toEqual({sql: doc, offset: 0, selection: false});
    expect(runnableText(doc, {from: 9, to: 10})).toEqual({sql: doc, offset: 0, selection: false});
  });
});
