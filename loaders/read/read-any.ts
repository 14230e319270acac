/**
 * One front door for every export format this project reads: CSV (comma or Dutch semicolon/decimal comma,
 * UTF-8 with or without BOM or Windows-1252, detected), SPSS .sav, and .xlsx; then the optional mapping
 * file (export column names -> codebook ids; answer labels -> codes). The result is a RawTable with
 * codebook column names, ready for validateExport.
 */
import {existsSync, readFileSync, statSync} from "node:fs";
import {extname} from "node:path";
import type {Codebook} from "../codebook/codebook.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";
import {InputError} from "../input-error.ts";
import type {TextEncoding} from "./decode-text.ts";
import type {RawTable} from "./raw-table.ts";
import {readDutchCsv} from "./dutch-csv.ts";
import {applyMapping, readMapping, type ColumnMapping} from "./mapping.ts";
import {readSav} from "./sav/read.ts";
import {readXlsx} from "./xlsx.ts";

export interface ReadAnyOptions {
  encoding?: TextEncoding;
  delimiter?: "," | ";";
  /** A mapping, or the path of a mapping file (JSON). */
  mapping?: ColumnMapping | string;
  /** .xlsx: sheet name or 1-based index. */
  sheet?: string | number;
  codebook?: Codebook;
}

export const TEXT_EXTENSIONS = [".csv", ".txt", ".tsv"];
export const SAV_EXTENSIONS = [".sav", ".zsav"];
export const XLSX_EXTENSIONS = [".xlsx"];

function checkFile(file: string): string {
  if (!existsSync(file)) throw new InputError({file, expected: "an existing file", found: "no such file"});
  if (!statSync(file).isFile()) throw new InputError({file, expected: "a file", found: "a directory"});
  return extname(file).toLowerCase();
}

function finish(table: RawTable, options: ReadAnyOptions): RawTable {
  const codebook = options.codebook ?? loadCodebook();
  const mapping = typeof options.mapping === "string" ? readMapping(options.mapping, codebook) : options.mapping;
  return applyMapping(table, mapping, codebook);
}

/** Text and .sav exports (synchronous). */
export function readExportSync(file: string, options: ReadAnyOptions = {}): RawTable {
  const extension = checkFile(file);
  if (TEXT_EXTENSIONS.includes(extension)) return finish(readDutchCsv(readFileSync(file), file, options), options);
  if (SAV_EXTENSIONS.includes(extension)) return finish(readSav(readFileSync(file), file), options);
  throw new InputError({file, expected: `an export ending in ${[...TEXT_EXTENSIONS, ...SAV_EXTENSIONS].join(", ")} (or .xlsx through readAnyExport)`, found: extension || "no extension"});
}

/** Every supported export, .xlsx included. */
export async function readAnyExport(file: string, options: ReadAnyOptions = {}): Promise<RawTable> {
  const extension = checkFile(file);
  if (XLSX_EXTENSIONS.includes(extension)) return finish(await readXlsx(readFileSync(file), file, options), options);
  return readExportSync(file, options);
}
