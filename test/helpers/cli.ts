/** Runs a command-line module's `main(argv, io)` in-process and collects what it prints, like spawnSync would. */
import type {CliIo} from "../../loaders/cli/run-cli.ts";

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runMain(main: (argv: string[], io: CliIo) => Promise<number>, argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, {out: (line) => out.push(line), err: (line) => err.push(line)});
  return {status, stdout: out.map((l) => l + "\n").join(""), stderr: err.map((l) => l + "\n").join("")};
}
