// npm run validate -- <export>: checks an export (CSV, .sav, .xlsx) against the codebook and the privacy rules; writes nothing.
import {checkExport} from "../pipeline/ingest.ts";
import {ingestFlags, ingestFlagsUsage, ingestOptions} from "./ingest-options.ts";
import {parseArgs, runCli} from "./run-cli.ts";

const usage = `npm run validate -- <export.csv|.sav|.xlsx> ${ingestFlagsUsage}`;
await runCli(async (args) => {
  const {file, options} = parseArgs(args, usage, ingestFlags);
  const {responses, dropped} = await checkExport(file, ingestOptions(options));
  for (const d of dropped) console.log(`${file}: would leave out column ${d.column} (${d.kind}, by ${d.by})`);
  console.log(`${file}: valid, ${responses.respondents.length} respondents`);
});
