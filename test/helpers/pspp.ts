/** Helpers for tests that let GNU PSPP check our .sav files. PSPP is a Debian package (`apt-get install pspp`); .ci/run installs it. */
import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export const hasPspp = spawnSync("pspp", ["--version"]).status === 0;
export const psppMissingMessage = "GNU PSPP is not installed (apt-get install pspp), so PSPP cannot check our .sav files";

export function tempDir(prefix = "kv-sav-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs a PSPP syntax file in `dir` and returns its output tables as CSV text (pspp -o out.csv). */
export function runPspp(dir: string, syntax: string): string {
  writeFileSync(join(dir, "job.sps"), syntax);
  execFileSync("pspp", ["job.sps", "-o", "out.csv"], {cwd: dir, stdio: "pipe"});
  return readFileSync(join(dir, "out.csv"), "utf8");
}

/** pspp-convert a .sav to CSV (values, or value labels with labels = true). */
export function psppToCsv(savPath: string, labels = false): string {
  const out = `${savPath}.${labels ? "labels" : "values"}.csv`;
  execFileSync("pspp-convert", [...(labels ? ["--labels"] : []), savPath, out], {stdio: "pipe"});
  return readFileSync(out, "utf8");
}

/** One "Table: <name>" block of PSPP's CSV output, as rows of cells (simple CSV split that honours quotes). */
export function psppTable(output: string, name: string): string[][] {
  const block = output.split(/\n\n/).find((b) => b.startsWith(`Table: ${name}`));
  if (!block) throw new Error(`PSPP output has no table ${name}:\n${output}`);
  return block.split("\n").slice(1).filter(Boolean).map(splitCsvLine);
}

export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") cells.push(cur), (cur = "");
    else cur += ch;
  }
  cells.push(cur);
  return cells;
}
