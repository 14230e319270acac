import type {IngestOptions} from "../pipeline/ingest.ts";
import type {ErrorListing} from "./run-cli.ts";

/** Flags shared by `npm run ingest` and `npm run validate`. */
export const ingestFlags = ["encoding", "delimiter", "mapping", "sheet", "k", "errors-file"];
export const ingestSwitches = ["all-errors"];
export const ingestFlagsUsage = "[--mapping map.json] [--encoding utf-8|windows-1252] [--delimiter ,|;] [--sheet name] [--k 5] [--all-errors] [--errors-file errors.txt]";

export function ingestOptions(flags: Record<string, string>): IngestOptions {
  return {
    encoding: flags.encoding as IngestOptions["encoding"],
    delimiter: flags.delimiter as IngestOptions["delimiter"],
    mapping: flags.mapping,
    sheet: flags.sheet,
    k: flags.k ? Number(flags.k) : undefined
  };
}

export function errorListing(flags: Record<string, string>, switches: Set<string>): ErrorListing {
  return {allErrors: switches.has("all-errors"), errorsFile: flags["errors-file"]};
}
