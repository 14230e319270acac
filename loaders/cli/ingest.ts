// npm run ingest -- <export> --out <dir> [--encoding utf-8|windows-1252]: validates the export and writes the Parquet files.
import {ingest} from "../pipeline/ingest.ts";
import {parseArgs, runCli, UsageError} from "./run-cli.ts";

const usage = "npm run ingest -- <export.csv> --out <dir> [--encoding utf-8|windows-1252] [--delimiter ,|;]";
await runCli(async (args) => {
  const {file, options} = parseArgs(args, usage, ["out", "encoding", "delimiter"]);
  if (!options.out) throw new UsageError(usage);
  const written = await ingest(file, options.out, options as any);
  console.error(`${file}: valid; wrote ${written.length} files to ${options.out}`);
});
