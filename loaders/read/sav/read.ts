/**
 * SPSS system file (.sav, .zsav) reader: pure functions over bytes, following the PSPP developer manual,
 * appendix "System File Format". One file per part: header.ts, dictionary.ts (records 2, 3/4, 6, 7, 999),
 * extensions.ts (7/3, 11, 13, 14, 20, 21, 22), encoding.ts, variables.ts, cases.ts with bytecode.ts and
 * zlib-data.ts, to-raw-table.ts. Any structural problem, and any header or dictionary field the data contradict,
 * raises an InputError naming the file, the byte offset (unit "byte") or case number (unit "record") and what
 * was expected.
 */
import type {RawTable} from "../raw-table.ts";
import {readCases} from "./cases.ts";
import {Cursor, rtrim} from "./cursor.ts";
import {readDictionary} from "./dictionary.ts";
import {savDecoder} from "./encoding.ts";
import {readExtensions} from "./extensions.ts";
import {readHeader} from "./header.ts";
import {savToRawTable} from "./to-raw-table.ts";
import type {SavFile} from "./types.ts";
import {variablesOf} from "./variables.ts";

export {formatSavNumber, savToRawTable} from "./to-raw-table.ts";

/** Parse a whole .sav file. `file` is the name used in error messages. */
export function parseSav(bytes: Uint8Array, file: string): SavFile {
  const c = new Cursor(bytes, file);
  const header = readHeader(c);
  const dictionary = readDictionary(c);
  const extensions = readExtensions(dictionary.extensions);
  const {encoding, decoder} = savDecoder(extensions, file);
  const text = (b: Uint8Array) => decoder.decode(b);
  const layout = variablesOf(dictionary, extensions, c, text);
  const nominalCaseSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(68, c.le);
  if (nominalCaseSize !== -1 && nominalCaseSize !== layout.totalSlots) c.fail(`a case size of ${layout.totalSlots} values in the file header, as the variable records add up to (or -1)`, String(nominalCaseSize), 68);
  const cases = readCases(c, header, layout, text);

  let weightIndex: number | undefined;
  if (header.weightSlot > 0) {
    const wi = layout.variables.findIndex((v) => layout.segments[v.firstSegment].slot + 1 === header.weightSlot);
    if (wi >= 0) weightIndex = wi;
  }
  return {
    product: header.product,
    compression: header.compressionCode === 0 ? "none" : header.compressionCode === 1 ? "bytecode" : "zlib",
    fileLabel: rtrim(text(header.fileLabel)),
    creationDate: header.creationDate,
    creationTime: header.creationTime,
    encoding,
    variables: layout.variables.map((v) => v.variable),
    weightIndex,
    documents: dictionary.documents.flatMap((d) => Array.from({length: d.length / 80}, (_, i) => rtrim(text(d.subarray(i * 80, i * 80 + 80))))),
    cases
  };
}

/** Read a .sav export into a RawTable. */
export function readSav(bytes: Uint8Array, file: string): RawTable {
  return savToRawTable(parseSav(bytes, file), file);
}
