/**
 * One fuzz case through the reader its extension picks and then validation against the codebook: the outcome is
 * "parsed", "refused" (InputError(s), each with a position) or a description of what went wrong.
 */
import {loadCodebook} from "../../../loaders/codebook/load-codebook.ts";
import {InputError, InputErrors} from "../../../loaders/input-error.ts";
import {readDutchCsv} from "../../../loaders/read/dutch-csv.ts";
import {readSav} from "../../../loaders/read/sav/read.ts";
import {readXlsx} from "../../../loaders/read/xlsx.ts";
import {validateExport} from "../../../loaders/validate/validate-export.ts";
import type {FuzzCase} from "./make-corpus.ts";

export type Outcome = {kind: "parsed"} | {kind: "refused"; message: string} | {kind: "no position"; message: string} | {kind: "crash"; message: string};

const codebook = loadCodebook();
const hasPosition = (e: InputError) => e.location.line !== undefined || e.location.column !== undefined;

export async function readCase(c: FuzzCase): Promise<Outcome> {
  try {
    const table = c.file.endsWith(".csv") ? readDutchCsv(c.bytes, c.file) : c.file.endsWith(".sav") ? readSav(c.bytes, c.file) : await readXlsx(c.bytes, c.file);
    validateExport(table, codebook);
    return {kind: "parsed"};
  } catch (error) {
    const errors = error instanceof InputErrors ? error.errors : error instanceof InputError ? [error] : undefined;
    if (!errors) return {kind: "crash", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error)};
    const unplaced = errors.find((e) => !hasPosition(e));
    return unplaced ? {kind: "no position", message: unplaced.message} : {kind: "refused", message: errors[0].message};
  }
}
