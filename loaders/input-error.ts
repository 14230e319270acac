/**
 * An error in an input file that a person must fix. It always names the file, and where
 * known the line (1-based, counting the header as line 1) and the column, plus what was expected.
 * The command-line tools print `message` and exit non-zero; nothing is written.
 */
export interface InputErrorLocation {
  file: string;
  /** 1-based physical line in a text file, or 1-based record number in a binary file (then `unit` is "record"). */
  line?: number;
  unit?: "line" | "record" | "byte";
  /** Column name as it appears in the file's header, or a 1-based column number when there is no name. */
  column?: string | number;
  /** What the reader expected to find, in plain words. */
  expected: string;
  /** What it found instead (shown quoted). */
  found?: string;
  /** How to fix it, when the fix is not obvious from what was expected (shown last). */
  fix?: string;
}

export class InputError extends Error {
  readonly location: InputErrorLocation;
  constructor(location: InputErrorLocation) {
    super(formatInputError(location));
    this.name = "InputError";
    this.location = location;
  }
}

export function formatInputError({file, line, unit = "line", column, expected, found, fix}: InputErrorLocation): string {
  const where = [file, line !== undefined ? `${unit} ${line}` : undefined, column !== undefined ? `column ${JSON.stringify(String(column))}` : undefined]
    .filter(Boolean)
    .join(", ");
  const what = found !== undefined ? `expected ${expected}, found ${JSON.stringify(found)}` : `expected ${expected}`;
  return `${where}: ${what}${fix ? `. Fix: ${fix}` : ""}`;
}

/** Several input errors found in one pass, so a person can fix them all at once. Message: one line per error. */
export class InputErrors extends Error {
  readonly errors: InputError[];
  /** `total`: how many errors were found, when only the first ones were built (a large export is checked in SQL). */
  constructor(errors: InputError[], {limit = 20, total = errors.length} = {}) {
    const shown = errors.slice(0, limit).map((e) => e.message);
    if (total > shown.length) shown.push(`... and ${total - shown.length} more`);
    super(shown.join("\n"));
    this.name = "InputErrors";
    this.errors = errors;
  }
}
