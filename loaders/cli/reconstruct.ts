// npm run reconstruct: regenerates data/raw/responses.csv (and its provenance sidecar) from the latent model,
// calibrated to the report's printed numbers. Same seed, same bytes.
import {readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {loadCodebook} from "../codebook/load-codebook.ts";
import {provenancePath} from "../pipeline/provenance.ts";
import {reconstruct} from "../reconstruct/reconstruct.ts";
import {reconstructionCsv} from "../write/reconstruction-csv.ts";
import {reconstructedProvenance} from "../reconstruct/provenance.ts";
import {isMainModule, processIo, runCommand, type CliIo} from "./run-cli.ts";

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));
export async function main(_argv: string[], io: CliIo = processIo): Promise<number> {
  return runCommand(() => {
    const codebook = loadCodebook();
    const published = JSON.parse(readFileSync(`${dataDir}published.json`, "utf8"));
    const {respondents, calibrationMoves} = reconstruct(codebook, published.tables);
    const out = `${dataDir}raw/responses.csv`;
    writeFileSync(out, reconstructionCsv(respondents, codebook));
    writeFileSync(provenancePath(out), JSON.stringify(reconstructedProvenance, null, 2) + "\n");
    io.err(`wrote ${out}: ${respondents.length} reconstructed respondents`);
    for (const [table, moves] of Object.entries(calibrationMoves)) io.err(`  calibration ${table}: ${moves} answers moved one code`);
  }, io);
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
