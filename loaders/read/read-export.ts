import {readFileSync, existsSync, statSync} from "node:fs";
import {extname} from "node:path";
import {InputError} from "../input-error.ts";
import {readCsv, type ReadCsvOptions} from "./read-csv.ts";
import type {RawTable} from "./raw-table.ts";
// issue 6: SPSS .sav exports (pure reader in loaders/formats/sav; .xlsx needs the async readAnyExport in loaders/formats/read-any.ts)
import {readSav} from "../formats/sav/read.ts";

export type ReadExportOptions = ReadCsvOptions;

/** Reads an export by its extension into a RawTable. */
export function readExport(file: string, options: ReadExportOptions = {}): RawTable {
  if (!existsSync(file)) throw new InputError({file, expected: "an existing file", found: "no such file"});
  if (!statSync(file).isFile()) throw new InputError({file, expected: "a file", found: "a directory"});
  const extension = extname(file).toLowerCase();
  switch (extension) {
    case ".csv":
    case ".txt":
      return readCsv(readFileSync(file), file, options);
    // --- issue 6: SPSS system files ---
    case ".sav":
    case ".zsav":
      return readSav(readFileSync(file), file);
    // --- end issue 6 ---
    default:
      throw new InputError({file, expected: "a .csv or .sav export", found: extension || "no extension"});
  }
}
