import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {parseSav, readSav} from "../../../loaders/read/sav/index.ts";

// Fixtures written by GNU PSPP 1.6.2 from test/fixtures/sav/make-fixtures.sps (made-up answers).
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sav/${name}`, import.meta.url));

describe.each(["pspp-compressed.sav", "pspp-uncompressed.sav", "pspp-zcompressed.sav"])("reading %s", (name) => {
  const sav = parseSav(fixture(name), name);
  const table = readSav(fixture(name), name);

  test("header, compression and encoding", () => {
    expect(sav.product).toMatch(/^@\(#\) SPSS DATA FILE GNU pspp/);
    expect(sav.compression).toBe(name.includes("uncompressed") ? "none" : name.includes("zcompressed") ? "zlib" : "bytecode");
    expect(sav.encoding).toBe("utf-8");
    expect(sav.fileLabel).toBe("Kennisverkenner testbestand (verzonnen antwoorden)");
  });

  test("long variable names, labels, widths and measurement levels", () => {
    expect(table.columns).toEqual(["respondent_id", "size_class", "role", "bes_effectiviteit", "bes_doorstroom", "inw_bijeenkomsten", "toelichting", "gewicht"]);
    const v = Object.fromEntries(sav.variables.map((x) => [x.name, x]));
    expect(v.bes_effectiviteit.shortName.length).toBeLessThanOrEqual(8);
    expect(v.bes_effectiviteit.label).toBe("Lokale effectiviteit van beleid beoordelen");
    expect(v.bes_effectiviteit.measure).toBe("ordinal");
    expect(v.size_class).toMatchObject({type: "string", width: 14});
    expect(v.toelichting).toMatchObject({type: "string", width: 300, label: "Toelichting (vrije tekst)"}); // a very long string (3 segments)
    expect(v.gewicht.print).toMatchObject({type: 5, decimals: 4});
  });

  test("value labels (numeric and string) and user-missing values (discrete, range, string)", () => {
    expect(table.valueLabels?.bes_doorstroom).toEqual({"1": "Onvoldoende", "2": "Voldoende", "3": "Ruim voldoende", "4": "Goed", "9": "Weet niet"});
    expect(table.valueLabels?.inw_bijeenkomsten?.["8"]).toBe("Niet van toepassing");
    expect(table.valueLabels?.role).toEqual({gemeentesecretaris: "Gemeentesecretaris", "andere functie": "Andere functie"});
    const v = Object.fromEntries(sav.variables.map((x) => [x.name, x]));
    expect(v.bes_effectiviteit.missing).toEqual({discrete: [9]});
    expect(v.inw_bijeenkomsten.missing).toEqual({discrete: [], range: {low: 6, high: Infinity}});
    expect(v.role.missing).toEqual({discrete: ["onbekend"]});
    // RawTable lists a range as the codes in the data that fall in it
    expect(table.missingCodes).toMatchObject({bes_effectiviteit: ["9"], bes_doorstroom: ["9"], inw_bijeenkomsten: ["8"], role: ["onbekend"]});
  });

  test("cases: numbers, system-missing, strings incl. UTF-8 and a very long string", () => {
    expect(table.unit).toBe("record");
    expect(table.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(table.rows[1].cells).toEqual(["102", "25.001-50.000", "andere functie", "2", "9", "3", "Kennis is schaars; één ambtenaar doet alles", "0.875"]);
    expect(table.rows[2].cells[5]).toBe(""); // system-missing
    expect(table.rows[3].cells[1]).toBe(">100.000");
    expect(sav.cases[4]).toEqual([105, "<25.000", "andere functie", 9, 4, 1, "", 1]);
  });
});

test("a Windows-1252 file is decoded by its encoding record", () => {
  const sav = parseSav(fixture("pspp-windows1252.sav"), "w.sav");
  expect(sav.encoding).toBe("windows-1252");
  expect(sav.variables[1].label).toBe("Opmerking (vrije tekst, geëxporteerd)");
  expect(sav.cases[0][1]).toBe("één café");
  expect(sav.variables[2].valueLabels.find((l) => l.value === 9)?.label).toBe("Weet niet / geen oordeel");
});
