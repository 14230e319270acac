import type {IngestOptions} from "../pipeline/ingest.ts";

/** Flags shared by `npm run ingest` and `npm run validate`. */
export const ingestFlags = ["encoding", "delimiter", "mapping", "sheet", "k"];
export const ingestFlagsUsage = "[--encoding utf-8|windows-1252] [--delimiter ,|;] [--mapping map.json] [--sheet name] [--k 5]";

export function ingestOptions(flags: Record<string, string>): IngestOptions {
  return {
    encoding: flags.encoding as IngestOptions["encoding"],
    delimiter: flags.delimiter as IngestOptions["delimiter"],
    mapping: flags.mapping,
    sheet: flags.sheet,
    k: flags.k ? Number(flags.k) : undefined
  };
}
