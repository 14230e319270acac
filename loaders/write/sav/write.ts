/**
 * SPSS system file (.sav) writer: a pure function from columns to bytes (little-endian, UTF-8).
 * Writes: file header, variable records (with continuation records for strings > 8 bytes and
 * segments for very long strings > 255 bytes), variable labels, missing values (discrete and
 * range), value labels (record 3/4; record 7/21 for strings wider than 8 bytes), machine
 * integer and float info (7/3, 7/4), display parameters (7/11), long variable names (7/13),
 * very long strings (7/14), character encoding (7/20: UTF-8), long string missing values (7/22),
 * and the data, uncompressed or bytecode compressed (dictionary.ts, data.ts). Checked against PSPP in
 * test/read/sav/pspp.test.ts.
 */
import {prepareColumns, type SavWriteOptions} from "./columns.ts";
import {writeData} from "./data.ts";
import {writeDocuments, writeExtensions, writeHeader, writeValueLabels, writeVariableRecords} from "./dictionary.ts";
import {Out} from "./out.ts";

export type {SavColumn, SavWriteOptions} from "./columns.ts";
export {checkVariableName} from "./names.ts";
export {utf8Truncate} from "./out.ts";

/** Write columns as an SPSS system file. Throws an Error on a column the format cannot hold. */
export function writeSav(options: SavWriteOptions): Uint8Array {
  const prepared = prepareColumns(options.columns);
  const out = new Out();
  writeHeader(out, prepared, options);
  const firstSlot = writeVariableRecords(out, prepared);
  writeValueLabels(out, prepared, firstSlot);
  writeDocuments(out, options);
  writeExtensions(out, prepared);
  writeData(out, prepared, options.compression ?? "bytecode");
  return out.result();
}
