// npm run validate -- <export>: checks an export against the codebook and writes nothing.
import {validateFile} from "../pipeline/ingest.ts";
import {parseArgs, runCli} from "./run-cli.ts";

const usage = "npm run validate -- <export.csv> [--encoding utf-8|windows-1252] [--delimiter ,|;]";
await runCli((args) => {
  const {file, options} = parseArgs(args, usage, ["encoding", "delimiter"]);
  const {respondents} = validateFile(file, options as any);
  console.log(`${file}: valid, ${respondents.length} respondents`);
});
