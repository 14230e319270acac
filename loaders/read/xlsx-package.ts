/**
 * The checks an .xlsx gets before exceljs sees it, so that no damaged or hostile workbook reaches the library:
 * the zip's declared sizes (each entry and in total under READ_LIMITS.maxInflatedBytes, and a plausible
 * compression ratio) are checked from its directory before anything is inflated; entries are inflated by fflate
 * into buffers of their declared size; every XML part must be well-formed (saxes, with line and character);
 * worksheets may only use Excel's own rows (1-1,048,576) and columns (A-XFD), and shared-string references must
 * exist. exceljs then gets the checked entries, re-zipped without compression.
 */
import {crc32} from "node:zlib";
import {unzipSync, zipSync, type Unzipped} from "fflate";
import {SaxesParser} from "saxes";
import {InputError} from "../input-error.ts";
import {READ_LIMITS} from "./limits.ts";

const MAX_ENTRIES = 10_000;
/** Parts small enough that any ratio is harmless. */
const RATIO_FREE_BYTES = 16 << 20;

function unzipChecked(bytes: Uint8Array, file: string): Unzipped {
  let total = 0;
  let entries = 0;
  try {
    return unzipSync(bytes, {
      filter: ({name, size, originalSize, compression}) => {
        const where = {file, column: name, line: ++entries, unit: "record" as const};
        if (entries > MAX_ENTRIES) throw new InputError({...where, expected: `a workbook of at most ${MAX_ENTRIES} parts`, found: "more"});
        if (compression !== 0 && compression !== 8) throw new InputError({...where, expected: "zip entries stored or deflated", found: `compression method ${compression}`});
        total += originalSize;
        if (total > READ_LIMITS.maxInflatedBytes) throw new InputError({...where, expected: `a workbook that unpacks to at most ${READ_LIMITS.maxInflatedBytes} bytes (a zip bomb?)`, found: `${total} bytes declared up to this part`});
        if (originalSize > RATIO_FREE_BYTES && originalSize > size * READ_LIMITS.maxInflateRatio) throw new InputError({...where, expected: `a compression ratio of at most ${READ_LIMITS.maxInflateRatio}:1 for a part of more than ${RATIO_FREE_BYTES} bytes (a zip bomb?)`, found: `${originalSize} bytes from ${size}`});
        return true;
      }
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({file, line: entries || 1, unit: "record", expected: "an .xlsx workbook (a readable zip file)", found: (error as Error).message});
  }
}

/** Each entry's CRC-32 from the zip's central directory (fflate does not check them). */
function declaredChecksums(bytes: Uint8Array): Map<string, number> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const crcs = new Map<string, number>();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) if (v.getUint32(i, true) === 0x06054b50) (end = i), (i = -1);
  if (end < 0) return crcs;
  let at = v.getUint32(end + 16, true);
  for (let k = v.getUint16(end + 10, true); k > 0 && at + 46 <= bytes.length && v.getUint32(at, true) === 0x02014b50; k--) {
    const nameLength = v.getUint16(at + 28, true);
    crcs.set(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)), v.getUint32(at + 16, true));
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return crcs;
}

/** Every entry must match its CRC-32: a part that inflates to more (or other bytes) than declared is refused. */
function checkChecksums(bytes: Uint8Array, entries: Unzipped, file: string): void {
  const crcs = declaredChecksums(bytes);
  for (const [name, data] of Object.entries(entries)) {
    const declared = crcs.get(name);
    if (declared !== undefined && crc32(data) >>> 0 !== declared) throw new InputError({file, column: name, expected: `the part ${name} to unpack to the bytes its checksum and size declare (a damaged or forged zip)`, found: `CRC-32 ${(crc32(data) >>> 0).toString(16)} instead of ${declared.toString(16)}`});
  }
}

const decoder = new TextDecoder("utf-8", {fatal: false});

/** Runs saxes over one part; `onOpen` sees each element. Malformed XML is an InputError at its line and character. */
function walkXml(part: string, bytes: Uint8Array, file: string, onOpen?: (name: string, attributes: Record<string, string>, parser: SaxesParser) => void, onText?: (text: string) => void): void {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  if (onOpen) parser.on("opentag", (tag) => onOpen(tag.name, tag.attributes as Record<string, string>, parser));
  if (onText) parser.on("text", onText);
  parser.write(decoder.decode(bytes)).close();
  if (failure) {
    const m = /^(\d+):(\d+): (.*)$/s.exec(failure.message);
    throw new InputError({file, line: m ? Number(m[1]) : parser.line, column: part, expected: `well-formed XML in the workbook part ${part}`, found: m ? `${m[3]} (line ${m[1]}, character ${m[2]})` : failure.message});
  }
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const MAX_COLUMN = 16_384;

/** Worksheet part -> sheet name, from the workbook and its relationships. */
function sheetNames(entries: Unzipped, file: string): Map<string, string> {
  const rels = new Map<string, string>();
  const relsPart = "xl/_rels/workbook.xml.rels";
  if (entries[relsPart]) walkXml(relsPart, entries[relsPart], file, (name, a) => {
    if (name === "Relationship" && a.Id && a.Target) rels.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`);
  });
  const names = new Map<string, string>();
  if (!entries["xl/workbook.xml"]) throw new InputError({file, column: "xl/workbook.xml", expected: "an .xlsx workbook with its part xl/workbook.xml", found: "no such part"});
  walkXml("xl/workbook.xml", entries["xl/workbook.xml"], file, (name, a) => {
    if (name !== "sheet") return;
    const target = rels.get(a["r:id"] ?? "");
    if (!target || !entries[target]) throw new InputError({file, column: "xl/workbook.xml", expected: `a worksheet part for sheet ${JSON.stringify(a.name)}`, found: target ? `no part ${target}` : `no relationship ${JSON.stringify(a["r:id"])}`});
    names.set(target, a.name ?? target);
  });
  return names;
}

function checkWorksheet(part: string, sheet: string, bytes: Uint8Array, sharedStrings: number, file: string): void {
  let row = 0;
  let cells = 0;
  let sharedCell: string | undefined;
  let inValue = false;
  walkXml(
    part,
    bytes,
    file,
    (name, a) => {
      inValue = name === "v" && sharedCell !== undefined;
      if (name === "row") {
        const r = a.r === undefined ? row + 1 : /^\d{1,7}$/.test(a.r) ? Number(a.r) : NaN;
        if (!(r >= 1 && r <= READ_LIMITS.maxSheetRows) || r <= row) throw new InputError({file, line: row + 1, column: `sheet ${JSON.stringify(sheet)}`, expected: `a row number after ${row} and at most ${READ_LIMITS.maxSheetRows} (Excel's last row)`, found: String(a.r)});
        row = r;
      } else if (name === "c") {
        sharedCell = a.t === "s" ? a.r ?? `row ${row}` : undefined;
        if (++cells > READ_LIMITS.maxWorkbookCells) throw new InputError({file, line: row, column: `sheet ${JSON.stringify(sheet)}`, expected: `at most ${READ_LIMITS.maxWorkbookCells} cells in a workbook (save a larger export as CSV UTF-8)`, found: "more"});
        if (a.r === undefined) return;
        const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(a.r);
        if (!m || columnNumber(m[1]) > MAX_COLUMN || Number(m[2]) !== row) throw new InputError({file, line: row, column: `sheet ${JSON.stringify(sheet)}`, expected: `a cell reference in row ${row} between A${row} and XFD${row}`, found: a.r});
      }
    },
    (text) => {
      if (!inValue || sharedCell === undefined) return;
      inValue = false;
      const index = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
      if (!(index < sharedStrings)) throw new InputError({file, line: row, column: `sheet ${JSON.stringify(sheet)} cell ${sharedCell}`, expected: `a shared-string index below ${sharedStrings}`, found: text});
    }
  );
}

/** Checked workbook bytes for exceljs (entries stored, not deflated). */
export function checkedWorkbook(bytes: Uint8Array, file: string): Uint8Array {
  const entries = unzipChecked(bytes, file);
  checkChecksums(bytes, entries, file);
  let sharedStrings = 0;
  const names = sheetNames(entries, file);
  for (const [part, data] of Object.entries(entries)) {
    if (!/\.(xml|rels)$/i.test(part)) continue;
    if (names.has(part)) continue;
    walkXml(part, data, file, part === "xl/sharedStrings.xml" ? (name) => void (name === "si" && sharedStrings++) : undefined);
  }
  for (const [part, sheet] of names) checkWorksheet(part, sheet, entries[part], sharedStrings, file);
  return zipSync(entries, {level: 0});
}
