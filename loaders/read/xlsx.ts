/**
 * .xlsx export -> RawTable, with exceljs (well kept, MIT, reads the OOXML workbook and its shared strings,
 * dates and formula results; we only walk the cells). The first non-empty row of the sheet is the header;
 * row numbers in messages are the sheet's own (unit "line"), so a person can find the cell in Excel.
 * exceljs's reader is asynchronous, so this is too.
 */
import ExcelJS from "exceljs";
import {InputError} from "../input-error.ts";
import {READ_LIMITS} from "./limits.ts";
import type {RawRow, RawTable} from "./raw-table.ts";
import {checkedWorkbook} from "./xlsx-package.ts";

export interface ReadXlsxOptions {
  /** Sheet name or 1-based index; default: the first sheet. */
  sheet?: string | number;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("").trim();
    if ("error" in value) return `#ERROR:${value.error}`;
    if ("result" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text).trim();
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array, file: string, options: ReadXlsxOptions = {}): Promise<RawTable> {
  if (bytes.length === 0) throw new InputError({file, line: 1, expected: "an .xlsx workbook", found: "an empty file"});
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new InputError({file, unit: "byte", line: 0, expected: "an .xlsx workbook (a ZIP file starting with \"PK\")", found: Array.from(bytes.subarray(0, 4), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : ".")).join("")});
  const checked = checkedWorkbook(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) as any);
  } catch (error) {
    // The package checks above catch what the fuzz corpus found; anything else is still the user's file, not a crash.
    throw new InputError({file, column: "workbook", expected: "an .xlsx workbook exceljs can read (save it again from Excel or LibreOffice)", found: (error as Error).message});
  }
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!sheet) throw new InputError({file, column: "xl/workbook.xml", expected: options.sheet === undefined ? "at least one worksheet" : `a worksheet ${JSON.stringify(options.sheet)} (found ${workbook.worksheets.map((w) => JSON.stringify(w.name)).join(", ")})`, found: "none"});

  const rows: {line: number; cells: string[]}[] = [];
  let at = {row: 0, column: 0};
  try {
    sheet.eachRow({includeEmpty: false}, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({includeEmpty: true}, (cell, col) => {
        at = {row: rowNumber, column: col};
        const text = cellText(cell.value);
        if (text.length > READ_LIMITS.maxCellChars) throw new InputError({file, line: rowNumber, column: col, expected: `cells of at most ${READ_LIMITS.maxCellChars} characters`, found: `${text.length} characters`});
        cells[col - 1] = text;
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= "";
      while (cells.length && cells[cells.length - 1] === "") cells.pop();
      if (cells.length) rows.push({line: rowNumber, cells});
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({file, line: at.row, column: `sheet ${JSON.stringify(sheet.name)} column ${at.column}`, expected: "a cell value exceljs can read", found: (error as Error).message});
  }
  if (!rows.length) throw new InputError({file, line: 1, expected: `a header row with column names on sheet ${JSON.stringify(sheet.name)}`, found: "an empty sheet"});
  const [header, ...body] = rows;
  const columns = header.cells;
  const blank = columns.findIndex((c) => c === "");
  if (blank >= 0) throw new InputError({file, line: header.line, column: blank + 1, expected: "a column name in every header cell", found: ""});
  const out: RawRow[] = body.map(({line, cells}) => {
    if (cells.length > columns.length) throw new InputError({file, line, column: cells.length, expected: `no cells beyond the header's ${columns.length} columns`, found: cells[cells.length - 1]});
    const errorAt = cells.findIndex((c) => c.startsWith("#ERROR:"));
    if (errorAt >= 0) throw new InputError({file, line, column: columns[errorAt], expected: "a value, not a spreadsheet error", found: cells[errorAt].slice(7)});
    return {line, cells: columns.map((_, i) => cells[i] ?? "")};
  });
  return {file, columns, rows: out, unit: "line"};
}
