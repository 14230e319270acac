// npm run ingest -- <export> --out <dir>: validates and anonymises the export (CSV, .sav, .xlsx) and writes the Parquet files.
import {ingest} from "../pipeline/ingest.ts";
import {ingestAtScale, prefersAtScale} from "../pipeline/ingest-at-scale.ts";
import {errorListing, ingestFlags, ingestFlagsUsage, ingestOptions, ingestSwitches} from "./ingest-options.ts";
import {isMainModule, parseArgs, processIo, runCommand, UsageError, type CliIo, type ErrorListing} from "./run-cli.ts";

const usage = `npm run ingest -- <export.csv|.sav|.xlsx> --out <dir> ${ingestFlagsUsage}`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let listing: ErrorListing = {};
  return runCommand(
    async () => {
      const {file, options, switches} = parseArgs(argv, usage, ["out", ...ingestFlags], ingestSwitches);
      listing = errorListing(options, switches);
      if (!options.out) throw new UsageError(usage);
      // large CSV exports go through DuckDB (same checks, same messages, same tables); small ones stay in memory
      const {written, dropped} = await (prefersAtScale(file, ingestOptions(options)) ? ingestAtScale : ingest)(file, options.out, ingestOptions(options));
      for (const d of dropped) io.err(`${file}: left out column ${d.column} (${d.kind}, by ${d.by})`);
      io.err(`${file}: valid; wrote ${written.length} files to ${options.out}`);
    },
    io,
    () => listing
  );
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
