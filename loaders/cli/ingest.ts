// npm run ingest -- <export> --out <dir>: validates and anonymises the export (CSV, .sav, .xlsx) and writes the Parquet files.
import {ingest} from "../pipeline/ingest.ts";
import {ingestFlags, ingestFlagsUsage, ingestOptions} from "./ingest-options.ts";
import {parseArgs, runCli, UsageError} from "./run-cli.ts";

const usage = `npm run ingest -- <export.csv|.sav|.xlsx> --out <dir> ${ingestFlagsUsage}`;
await runCli(async (args) => {
  const {file, options} = parseArgs(args, usage, ["out", ...ingestFlags]);
  if (!options.out) throw new UsageError(usage);
  const {written, dropped} = await ingest(file, options.out, ingestOptions(options));
  for (const d of dropped) console.error(`${file}: left out column ${d.column} (${d.kind}, by ${d.by})`);
  console.error(`${file}: valid; wrote ${written.length} files to ${options.out}`);
});
