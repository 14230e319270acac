// Exports made by other tools (test/fixtures/export: GNU PSPP, an exceljs workbook with labels, an Excel-NL CSV)
// go through the front door (loaders/pipeline/ingest.ts) and give the source's respondents and answers back.
import {fileURLToPath} from "node:url";
import {describe, expect, test} from "vitest";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {checkExport} from "../../loaders/pipeline/ingest.ts";
import {applyMapping} from "../../loaders/read/mapping.ts";
import type {RawTable} from "../../loaders/read/raw-table.ts";
import {PSPP_MISSING, sourceRespondents, XLSX_MISSING} from "../fixtures/export/source.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/export/${name}`, import.meta.url));
const source = sourceRespondents();
const asCode = (v: string) => (v === "" ? null : Number(v));

async function compare(file: string, mapping: string | undefined, missing: {row: number; item: string}[]) {
  const {responses, dropped} = await checkExport(fixture(file), {mapping: mapping && fixture(mapping)});
  expect(responses.respondents).toHaveLength(source.length);
  responses.respondents.forEach((r, k) => {
    expect(r.background.size_class, `respondent ${k + 1}`).toBe(source[k].size_class);
    expect(r.background.role, `respondent ${k + 1}`).toBe(source[k].role);
    for (const [id, code] of Object.entries(r.answers)) {
      const isMissing = missing.some((m) => m.row === k && m.item === id);
      expect(code, `respondent ${k + 1}, ${id}`).toBe(isMissing ? null : asCode(source[k][id]));
    }
  });
  return {responses, dropped};
}

describe("exports made by other tools", () => {
  test("a PSPP .sav: numeric size class and role decoded through value labels; user-missing codes (9, 99, LO THRU -1) are unanswered", async () => {
    await compare("pspp-export.sav", undefined, PSPP_MISSING);
  });
  test("an .xlsx with survey-tool column names and answer labels, through its mapping; \"Weet niet\" and \"n.v.t.\" are unanswered", async () => {
    await compare("labels.xlsx", "labels.mapping.json", XLSX_MISSING);
  });
  test("an Excel-NL CSV (semicolons, CRLF, Windows-1252) whose free-text column the mapping drops", async () => {
    const {dropped} = await compare("excel-nl.csv", "excel-nl.mapping.json", []);
    expect(dropped.map((d) => d.column)).not.toContain("Opmerkingen respondent"); // gone before anything looked at it
  });
  test("without the mapping, the free-text column is refused with the mapping's drop list as the fix", async () => {
    await expect(checkExport(fixture("excel-nl.csv"))).rejects.toThrow('column "Opmerkingen respondent": expected a column of the codebook (respondent_id, size_class, role, functie or an item id such as uit_traditioneel), found "Opmerkingen respondent". Fix: to leave the column out, list it under "drop" in a mapping file, e.g. {"columns": {}, "drop": ["Opmerkingen respondent"]}');
  });
  test("an SPSS value label that matches no codebook value is named, with the mapping fix", () => {
    const codebook = loadCodebook();
    const table: RawTable = {file: "x.sav", unit: "record", columns: ["size_class"], rows: [{line: 3, cells: ["3"]}], valueLabels: {size_class: {"3": "Middelgroot"}}};
    expect(() => applyMapping(table, undefined, codebook)).toThrow('x.sav, record 3, column "size_class": expected a value label that is one of "<25.000", "25.001-50.000", "50.001-100.000", ">100.000", found "code 3 labelled \\"Middelgroot\\"". Fix: recode the label in the mapping file, e.g. "values": {"size_class": {"Middelgroot": "<25.000"}}');
    expect(applyMapping(table, {columns: {}, values: {size_class: {Middelgroot: "50.001-100.000"}}}, codebook).rows[0].cells).toEqual(["50.001-100.000"]);
  });
});
