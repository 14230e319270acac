/**
 * CSV as Dutch-locale tools write it (Excel "CSV (gescheiden door lijstscheidingsteken)", survey tools set to nl-NL):
 * semicolon delimiter, decimal comma, and either UTF-8 (with or without BOM) or Windows-1252.
 * Parsing itself is loaders/read/read-csv.ts (csv-parse); this module only
 * detects the encoding, refuses encodings it cannot read, and turns decimal commas into points.
 */
import {InputError} from "../input-error.ts";
import {firstInvalidUtf8Offset, lineAndColumnOfByte, refuseNul, type TextEncoding} from "./decode-text.ts";
import {detectDelimiter, readCsv, type ReadCsvOptions} from "./read-csv.ts";
import type {RawTable} from "./raw-table.ts";

/** Bytes Windows-1252 leaves undefined: a file containing them is not Windows-1252 text. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * Which encoding an export is in: a UTF-8 BOM or valid UTF-8 means UTF-8; otherwise Windows-1252, unless the
 * bytes rule that out too. Refused (InputError): UTF-16 (Excel's "Unicode-tekst"), NUL bytes (not text),
 * bytes undefined in Windows-1252, and files that mix UTF-8 sequences with stray Windows-1252 bytes.
 */
export function detectEncoding(bytes: Uint8Array, file: string): EncodingGuess {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new InputError({file, line: 1, expected: "UTF-8 or Windows-1252 text (save as \"CSV UTF-8\")", found: "UTF-16 text (byte order mark)"});
  refuseNul(bytes, file);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: "utf-8", bom: true};
  const bad = firstInvalidUtf8Offset(bytes);
  if (bad < 0) return {encoding: "utf-8", bom: false};
  // Invalid as UTF-8. If valid multi-byte UTF-8 sequences occur as well, the file mixes encodings.
  const utf8Pair = findUtf8MultiByte(bytes);
  if (utf8Pair >= 0) {
    const a = lineAndColumnOfByte(bytes, utf8Pair);
    const b = lineAndColumnOfByte(bytes, bad);
    throw new InputError({file, line: b.line, column: b.column, expected: "one encoding throughout the file", found: `UTF-8 text (line ${a.line}) and a byte 0x${bytes[bad].toString(16)} that is not UTF-8 (line ${b.line}, byte ${b.column})`});
  }
  for (let i = 0; i < bytes.length; i++) {
    if (UNDEFINED_1252.has(bytes[i])) {
      const {line, column} = lineAndColumnOfByte(bytes, i);
      throw new InputError({file, line, expected: "UTF-8 or Windows-1252 text", found: `byte 0x${bytes[i].toString(16)} at line ${line}, byte ${column}, which neither encoding uses`});
    }
  }
  return {encoding: "windows-1252", bom: false};
}

/** Offset of the first valid 2-4 byte UTF-8 sequence, or -1. */
function findUtf8MultiByte(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i];
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (!need || i + need >= bytes.length) continue;
    let ok = true;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) return i;
  }
  return -1;
}

/** "2,5" -> "2.5", "1.234,5" -> "1234.5", "-0,75" -> "-0.75"; anything else unchanged (also "25.001-50.000" and "1.234"). */
export function fromDecimalComma(cell: string): string {
  if (/^-?\d+,\d+$/.test(cell)) return cell.replace(",", ".");
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(cell)) return cell.replace(/\./g, "").replace(",", ".");
  return cell;
}

export interface ReadDutchCsvOptions extends ReadCsvOptions {
  /** Convert decimal commas to points; default: when the delimiter is ";". */
  decimalComma?: boolean;
}

/** Read a Dutch-locale CSV export into a RawTable (encoding detected unless given). */
export function readDutchCsv(bytes: Uint8Array, file: string, options: ReadDutchCsvOptions = {}): RawTable {
  const encoding = options.encoding ?? detectEncoding(bytes, file).encoding;
  const table = readCsv(bytes, file, {...options, encoding});
  const semicolon = options.delimiter === ";" || (options.delimiter === undefined && table.columns.length > 0 && looksSemicolon(bytes, encoding));
  if (!(options.decimalComma ?? semicolon)) return table;
  return {...table, rows: table.rows.map((r) => ({line: r.line, cells: r.cells.map(fromDecimalComma)}))};
}

function looksSemicolon(bytes: Uint8Array, encoding: TextEncoding): boolean {
  return detectDelimiter(new TextDecoder(encoding).decode(bytes.subarray(0, 4096))) === ";";
}
