// Good exports in every format give the same validated responses as the committed CSV export.
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {describe, expect, test} from "vitest";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {detectEncoding, fromDecimalComma, readDutchCsv} from "../../loaders/read/dutch-csv.ts";
import {checkExport} from "../../loaders/pipeline/ingest.ts";
import {applyMapping, checkMapping} from "../../loaders/read/mapping.ts";
import {readAnyExport} from "../../loaders/read/read-any.ts";
import {writeSav} from "../../loaders/write/sav/write.ts";
import {streamCsv} from "../../loaders/read/stream-csv.ts";
import {readXlsx} from "../../loaders/read/xlsx.ts";
import {InputErrors} from "../../loaders/input-error.ts";
import {readCsv} from "../../loaders/read/read-csv.ts";
import {tempDir} from "../helpers/pspp.ts";

const codebook = loadCodebook();
const rawPath = new URL("../../data/raw/responses.csv", import.meta.url);
const raw = readCsv(readFileSync(rawPath), "responses.csv");
const labelOf = (id: string, code: string) => codebook.response_scales[codebook.items.find((i) => i.id === id)!.response_scale].options.find((o) => String(o.code) === code)!.label;
const reference = async () => (await checkExport(rawPath.pathname, {codebook})).responses.respondents.map(({line, ...r}) => r);

describe("Dutch CSV", () => {
  test("encoding: BOM, plain UTF-8 and Windows-1252 are told apart", () => {
    expect(detectEncoding(new TextEncoder().encode("\uFEFFa;b\n"), "x.csv")).toEqual({encoding: "utf-8", bom: true});
    expect(detectEncoding(new TextEncoder().encode("a;coördinator\n"), "x.csv")).toEqual({encoding: "utf-8", bom: false});
    expect(detectEncoding(Uint8Array.from(Buffer.from("a;co\xf6rdinator\n", "latin1")), "x.csv")).toEqual({encoding: "windows-1252", bom: false});
  });
  test("decimal comma becomes a point; size classes and codes stay as they are", () => {
    expect(["2,5", "-0,75", "1.234,5", "25.001-50.000", "1.234", "3", "a,b"].map(fromDecimalComma)).toEqual(["2.5", "-0.75", "1234.5", "25.001-50.000", "1.234", "3", "a,b"]);
  });
  test("a Windows-1252 semicolon export with decimal commas reads like the UTF-8 one", () => {
    const text = "respondent_id;functie;gewicht\r\n1;coördinator onderzoek en statistiek;1,25\r\n2;\"a; b\";0,5\r\n";
    const cp1252 = readDutchCsv(Uint8Array.from(Buffer.from(text, "latin1")), "x.csv");
    const utf8bom = readDutchCsv(new TextEncoder().encode("\uFEFF" + text), "x.csv");
    expect(cp1252.rows).toEqual(utf8bom.rows);
    expect(cp1252.rows).toEqual([{line: 2, cells: ["1", "coördinator onderzoek en statistiek", "1.25"]}, {line: 3, cells: ["2", "a; b", "0.5"]}]);
  });
  test("the raw export saved by Dutch Excel (semicolons, Windows-1252, CRLF) validates to the same responses", async () => {
    const text = [raw.columns, ...raw.rows.map((r) => r.cells)].map((r) => r.join(";")).join("\r\n") + "\r\n";
    const file = join(tempDir(), "export-nl.csv");
    writeFileSync(file, Buffer.from(text, "latin1"));
    expect((await checkExport(file, {codebook})).responses.respondents.map(({line, ...r}) => r)).toEqual(await reference());
  });
});

describe("streaming CSV", () => {
  test("yields the same rows as the in-memory reader, also with small chunks that split characters", async () => {
    const file = join(tempDir(), "s.csv");
    const text = "respondent_id;functie;gewicht\n1;coördinator;1,25\n2;\"twee\nregels\";3\n\n3;één;4\n";
    writeFileSync(file, text);
    const stream = await streamCsv(file, {chunkSize: 3});
    const rows = [];
    for await (const row of stream.rows) rows.push(row);
    expect(stream.columns).toEqual(["respondent_id", "functie", "gewicht"]);
    expect(rows).toEqual(readDutchCsv(new TextEncoder().encode(text), file).rows);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });
});

describe("mapping file", () => {
  const mapping = checkMapping({columns: {Respondentnummer: "respondent_id", Gemeentegrootte: "size_class", "Vraag 3.1": "bes_behoeften"}, drop: ["Startdatum"], values: {size_class: {"Minder dan 25.000 inwoners": "<25.000"}}}, "m.json", codebook);
  test("renames columns, drops listed ones, recodes values, turns labels into codes (any case)", () => {
    const table = applyMapping({file: "x.csv", unit: "line", columns: ["Respondentnummer", "Startdatum", "Gemeentegrootte", "Vraag 3.1"], rows: [{line: 2, cells: ["7", "2021-03-01", "Minder dan 25.000 inwoners", "ruim VOLDOENDE"]}, {line: 3, cells: ["8", "", ">100.000", "2"]}]}, mapping, codebook);
    expect(table.columns).toEqual(["respondent_id", "size_class", "bes_behoeften"]);
    expect(table.rows.map((r) => r.cells)).toEqual([["7", "<25.000", "3"], ["8", ">100.000", "2"]]);
  });
  test("a label outside the scale is named with both codes and labels", () => {
    expect(() => applyMapping({file: "x.csv", unit: "line", columns: ["Vraag 3.1"], rows: [{line: 9, cells: ["Uitstekend"]}]}, {columns: {"Vraag 3.1": "bes_behoeften"}}, codebook)).toThrow(
      'x.csv, line 9, column "Vraag 3.1": expected a code or label of scale oordeel4 (1 Onvoldoende, 2 Voldoende, 3 Ruim voldoende, 4 Goed) or empty, found "Uitstekend"'
    );
  });
  test("two export columns mapped to one codebook id are refused", () => {
    expect(() => checkMapping({columns: {a: "size_class", b: "size_class"}}, "m.json", codebook)).toThrow(InputErrors);
  });
});

describe(".xlsx", () => {
  test("cells: numbers, text, dates, formula results; empty rows skipped with their row numbers kept", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Antwoorden");
    ws.addRow(["respondent_id", "size_class", "bes_behoeften", "ingevuld", "som"]);
    ws.addRow([101, "<25.000", "Ruim voldoende", new Date(Date.UTC(2021, 4, 3)), {formula: "1+2", result: 3}]);
    ws.addRow([]);
    ws.addRow([102, ">100.000", 2, null, 4]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const table = await readXlsx(bytes, "x.xlsx");
    expect(table.columns).toEqual(["respondent_id", "size_class", "bes_behoeften", "ingevuld", "som"]);
    expect(table.rows).toEqual([{line: 2, cells: ["101", "<25.000", "Ruim voldoende", "2021-05-03", "3"]}, {line: 4, cells: ["102", ">100.000", "2", "", "4"]}]);
  });
  test("the raw export as a workbook with answer labels validates to the same responses (the timestamp column is dropped)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Export");
    ws.addRow([...raw.columns, "Startdatum"]);
    for (const r of raw.rows) ws.addRow([...r.cells.map((c, i) => (c !== "" && codebook.items.some((it) => it.id === raw.columns[i]) ? labelOf(raw.columns[i], c) : c)), new Date(Date.UTC(2021, 2, 1, 9, r.line))]);
    const file = join(tempDir(), "export.xlsx");
    await wb.xlsx.writeFile(file);
    const checked = await checkExport(file, {codebook});
    expect(checked.responses.respondents.map(({line, ...r}) => r)).toEqual(await reference());
    expect(checked.dropped).toContainEqual({column: "Startdatum", kind: "timestamp", by: "name"});
  });
});

describe(".sav", () => {
  test("the raw export as an SPSS file with labels and a user-missing code 99 validates to the same responses", async () => {
    const columns = raw.columns.map((name, k) => {
      const item = codebook.items.find((i) => i.id === name);
      if (!item) return {name, type: "string" as const, values: raw.rows.map((r) => r.cells[k])};
      const options = codebook.response_scales[item.response_scale].options;
      return {name, type: "numeric" as const, label: item.text_nl, values: raw.rows.map((r) => (r.cells[k] === "" ? 99 : Number(r.cells[k]))), valueLabels: [...options.map((o) => ({value: o.code, label: o.label})), {value: 99, label: "Geen antwoord"}], missing: {discrete: [99]}};
    });
    const file = join(tempDir(), "export.sav");
    writeFileSync(file, writeSav({columns}));
    const table = await readAnyExport(file, {codebook});
    expect(table.unit).toBe("record");
    expect(table.missingCodes?.bes_behoeften).toEqual(["99"]);
    expect((await checkExport(file, {codebook})).responses.respondents.map(({line, ...r}) => r)).toEqual(await reference());
  });
});
