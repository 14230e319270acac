import {writeFileSync} from "node:fs";
import {realpathSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {InputError, InputErrors} from "../input-error.ts";

/** Where a command writes: the process's stdout/stderr, or a test's buffers. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {out: (line) => console.log(line), err: (line) => console.error(line)};

/** How many input errors a command prints unless asked for all (`--all-errors`, `--errors-file <path>`). */
export const ERRORS_SHOWN = 10;

export class UsageError extends Error {}

export interface ErrorListing {
  allErrors?: boolean;
  errorsFile?: string;
}

/**
 * Runs a command's body and turns what it throws into an exit code: input errors print one line each (file, line,
 * column, expected) and give 1, the first ERRORS_SHOWN unless `--all-errors`, with a last line saying how many
 * more there are and how to see them; `--errors-file` writes every one to a file; usage errors give 2.
 */
export async function runCommand(body: () => Promise<void> | void, io: CliIo, listing: () => ErrorListing = () => ({})): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`usage: ${error.message}`);
      return 2;
    }
    if (!(error instanceof InputError || error instanceof InputErrors)) throw error;
    const lines = (error instanceof InputErrors ? error.errors : [error]).map((e) => e.message);
    const {allErrors, errorsFile} = listing();
    if (errorsFile) writeFileSync(errorsFile, lines.join("\n") + "\n");
    const shown = allErrors ? lines : lines.slice(0, ERRORS_SHOWN);
    for (const line of shown) io.err(line);
    if (shown.length < lines.length) io.err(`... and ${lines.length - shown.length} more (${lines.length} errors in all)${errorsFile ? `, all in ${errorsFile}` : "; run again with --all-errors to see every one, or --errors-file errors.txt to write them to a file"}`);
    else if (errorsFile) io.err(`(all ${lines.length} errors also in ${errorsFile})`);
    return 1;
  }
}

/** Splits `<file> [--flag value]... [--switch]...` into the positional file, flags and switches. */
export function parseArgs(args: string[], usage: string, flags: string[] = [], switches: string[] = []): {file: string; options: Record<string, string>; switches: Set<string>} {
  const options: Record<string, string> = {};
  const on = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--")) {
      const name = arg.slice(2);
      if (switches.includes(name)) on.add(name);
      else if (!flags.includes(name) || i + 1 >= args.length) throw new UsageError(usage);
      else options[name] = args[++i];
    } else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(usage);
  return {file: positional[0], options, switches: on};
}

/** True when the module at `url` is the script node was started with (not imported by a test). */
export function isMainModule(url: string): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(fileURLToPath(url)) === realpathSync(process.argv[1]);
  } catch {
    return false;
  }
}
