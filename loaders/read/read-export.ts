import {readFileSync, existsSync, statSync} from "node:fs";
import {extname} from "node:path";
import {InputError} from "../input-error.ts";
import {readCsv, type ReadCsvOptions} from "./read-csv.ts";
import type {RawTable} from "./raw-table.ts";

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
    default:
      throw new InputError({file, expected: "a .csv export", found: extension || "no extension"});
  }
}
