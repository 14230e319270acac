import {describe, expect, test} from "vitest";
import {parseSav, readSav} from "../../../loaders/read/sav/index.ts";
import {writeSav, type SavColumn} from "../../../loaders/write/sav/write.ts";

const long = "é".repeat(200) + " einde"; // 406 bytes: a very long string in 2 segments, a character split across them
export const sampleColumns: SavColumn[] = [
  {name: "respondent_id", type: "string", values: ["r001", "r002", "r003", "r004"], label: "Respondent (pseudoniem)"},
  {name: "bes_effectiviteit", type: "numeric", values: [1, 4, null, 9], label: "Lokale effectiviteit van beleid", valueLabels: {1: "Onvoldoende", 2: "Voldoende", 3: "Ruim voldoende", 4: "Goed", 9: "Weet niet"}, missing: {discrete: [9]}, measure: "ordinal"},
  {name: "inw_bijeenkomsten", type: "numeric", values: [5, 7, 1, -1], valueLabels: [{value: 1, label: "Zelden"}, {value: 5, label: "Permanent"}], missing: {discrete: [-1], range: {low: 6, high: Infinity}}},
  {name: "gewicht", type: "numeric", values: [1.25, 0.875, 1e6 + 0.5, -3.75], decimals: 4},
  {name: "size_class", type: "string", values: ["<25.000", ">100.000", "25.001-50.000", "50.001-100.000"], valueLabels: {"<25.000": "Minder dan 25.000 inwoners"}, missing: {discrete: ["onbekend"]}},
  {name: "rol", type: "string", width: 4, values: ["gs", "af", "", "af"], valueLabels: {gs: "Gemeentesecretaris"}, missing: {discrete: ["xx"]}},
  {name: "toelichting", type: "string", values: [long, "", "kort", null]}
];

describe.each(["bytecode", "none"] as const)("writeSav with compression %s, read back by parseSav", (compression) => {
  const bytes = writeSav({columns: sampleColumns, compression, fileLabel: "Gereconstrueerde antwoorden", documents: ["Geen echte antwoorden."]});
  const sav = parseSav(bytes, "out.sav");

  test("dictionary survives: names, labels, value labels, missing values, widths", () => {
    expect(sav.compression).toBe(compression);
    expect(sav.encoding).toBe("utf-8");
    expect(sav.fileLabel).toBe("Gereconstrueerde antwoorden");
    expect(sav.documents).toEqual(["Geen echte antwoorden."]);
    expect(sav.variables.map((v) => v.name)).toEqual(sampleColumns.map((c) => c.name));
    const v = Object.fromEntries(sav.variables.map((x) => [x.name, x]));
    expect(v.bes_effectiviteit.label).toBe("Lokale effectiviteit van beleid");
    expect(v.bes_effectiviteit.valueLabels).toEqual([1, 2, 3, 4, 9].map((value, i) => ({value, label: ["Onvoldoende", "Voldoende", "Ruim voldoende", "Goed", "Weet niet"][i]})));
    expect(v.bes_effectiviteit.missing).toEqual({discrete: [9]});
    expect(v.bes_effectiviteit.measure).toBe("ordinal");
    expect(v.inw_bijeenkomsten.missing).toEqual({discrete: [-1], range: {low: 6, high: Infinity}});
    expect(v.size_class).toMatchObject({width: 14, missing: {discrete: ["onbekend"]}, valueLabels: [{value: "<25.000", label: "Minder dan 25.000 inwoners"}]});
    expect(v.rol).toMatchObject({width: 4, missing: {discrete: ["xx"]}, valueLabels: [{value: "gs", label: "Gemeentesecretaris"}]});
    expect(v.toelichting.width).toBe(406);
    expect(v.gewicht.print).toEqual({type: 5, width: 13, decimals: 4});
  });

  test("data survives, incl. system-missing, non-integers, negatives and a very long string", () => {
    expect(sav.cases.map((c) => c[3])).toEqual([1.25, 0.875, 1e6 + 0.5, -3.75]);
    expect(sav.cases.map((c) => c[1])).toEqual([1, 4, null, 9]);
    expect(sav.cases[0][6]).toBe(long);
    expect(sav.cases[3][6]).toBe("");
    const table = readSav(bytes, "out.sav");
    expect(table.missingCodes).toMatchObject({bes_effectiviteit: ["9"], inw_bijeenkomsten: ["-1", "7"]});
  });
});

test("output is deterministic (no clock in the header unless asked) and compression makes it smaller", () => {
  const a = writeSav({columns: sampleColumns});
  expect(Buffer.from(writeSav({columns: sampleColumns})).equals(Buffer.from(a))).toBe(true);
  expect(writeSav({columns: sampleColumns, compression: "none"}).length).toBeGreaterThan(a.length);
  const dated = parseSav(writeSav({columns: sampleColumns, created: new Date(Date.UTC(2022, 2, 7, 13, 4, 5))}), "x.sav");
  expect([dated.creationDate, dated.creationTime]).toEqual(["07 Mar 22", "13:04:05"]);
});

test("labels longer than the format allows are cut on a character boundary", () => {
  const sav = parseSav(writeSav({columns: [{name: "x", type: "numeric", values: [1], label: "ë".repeat(200), valueLabels: {1: "é".repeat(200)}}]}), "x.sav");
  expect(sav.variables[0].label).toBe("ë".repeat(127));
  expect(sav.variables[0].valueLabels[0].label).toBe("é".repeat(127));
});

test("the writer refuses what SPSS cannot hold", () => {
  expect(() => writeSav({columns: [{name: "1abc", type: "numeric", values: [1]}]})).toThrow(/variable name "1abc": expected a letter/);
  expect(() => writeSav({columns: [{name: "AND", type: "numeric", values: [1]}]})).toThrow(/reserved/);
  expect(() => writeSav({columns: [{name: "a", type: "numeric", values: [1]}, {name: "A", type: "numeric", values: [1]}]})).toThrow(/duplicate/);
  expect(() => writeSav({columns: [{name: "a", type: "numeric", values: [1]}, {name: "b", type: "numeric", values: [1, 2]}]})).toThrow(/2 values, expected 1/);
  expect(() => writeSav({columns: [{name: "a", type: "numeric", values: [1], missing: {discrete: [1, 2, 3, 4]}}]})).toThrow(/at most 3/);
  expect(() => writeSav({columns: [{name: "a", type: "numeric", values: [Infinity]}]})).toThrow(/finite/);
});
