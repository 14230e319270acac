import {InputError, InputErrors} from "../input-error.ts";

/** Runs a command-line main; input errors print their message (file, line, column, expected) and exit 1. */
export async function runCli(main: (args: string[]) => Promise<void> | void): Promise<void> {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof InputError || error instanceof InputErrors) console.error(error.message);
    else if (error instanceof UsageError) console.error(`usage: ${error.message}`);
    else console.error(error);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

export class UsageError extends Error {}

/** Splits `<file> [--flag value]...` into the positional file and flags. */
export function parseArgs(args: string[], usage: string, flags: string[] = []): {file: string; options: Record<string, string>} {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--")) {
      const name = arg.slice(2);
      if (!flags.includes(name) || i + 1 >= args.length) throw new UsageError(usage);
      options[name] = args[++i];
    } else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(usage);
  return {file: positional[0], options};
}
