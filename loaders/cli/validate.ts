// npm run validate -- <export>: checks an export (CSV, .sav, .xlsx) against the codebook and the privacy rules of the
// publication mode the site would be built in (KV_PUBLICATION, as for npm run build); writes nothing.
import {loadCodebook} from "../codebook/load-codebook.ts";
import {checkExport} from "../pipeline/ingest.ts";
import {requireEveryStratum} from "../validate/every-stratum.ts";
import {readProvenance} from "../pipeline/provenance.ts";
import {kAnonymityOf, publicationMode, publicationSetting} from "../protect/publication-mode.ts";
import {errorListing, ingestFlags, ingestFlagsUsage, ingestOptions, ingestSwitches} from "./ingest-options.ts";
import {isMainModule, parseArgs, processIo, runCommand, type CliIo, type ErrorListing} from "./run-cli.ts";

const usage = `npm run validate -- <export.csv|.sav|.xlsx> ${ingestFlagsUsage}`;

export async function main(argv: string[], io: CliIo = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  let listing: ErrorListing = {};
  return runCommand(
    async () => {
      const {file, options, switches} = parseArgs(argv, usage, ingestFlags, ingestSwitches);
      listing = errorListing(options, switches);
      const mode = publicationMode(publicationSetting(env), readProvenance(file).reconstructed);
      const {responses, dropped, report} = await checkExport(file, {...ingestOptions(options), ...kAnonymityOf(mode)});
      // what the build would refuse next: a size class without respondents cannot be weighted
      requireEveryStratum(responses, loadCodebook());
      for (const d of dropped) io.out(`${file}: would leave out column ${d.column} (${d.kind}, by ${d.by})`);
      if (report.override) io.out(`${file}: ${report.override.groups.filter((g) => g.count < report.k).length} groups under ${report.k} published by the mapping's k_anonymity override: ${report.override.reason}`);
      io.out(`${file}: valid, ${responses.respondents.length} respondents (${mode} publication${mode === "protected" ? ": groups under 5 are hidden in the tables, no response is published" : ""})`);
    },
    io,
    () => listing
  );
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
