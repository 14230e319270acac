// Every malformed export in test/fixtures/bad/ (made by make-bad.ts) fails with a message naming the file,
// the line / record / byte, the column where there is one, and what was expected; and nothing is written.
import {createWriteStream, existsSync, readdirSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {main as ingestMain} from "../../loaders/cli/ingest.ts";
import {runMain} from "../helpers/cli.ts";
import {describe, expect, test} from "vitest";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {InputError, InputErrors} from "../../loaders/input-error.ts";
import {ingest} from "../../loaders/pipeline/ingest.ts";
import {validateCsvStream} from "../../loaders/read/stream-csv.ts";
import {goodRows, header} from "../fixtures/bad/make-bad.ts";
import {tempDir} from "../helpers/pspp.ts";

const dir = fileURLToPath(new URL("../fixtures/bad/", import.meta.url));
const codebook = loadCodebook();

interface Case {
  file: string;
  /** "line 4", "record 6", "byte 0", or undefined when the problem has no position (then the column or file is named). */
  at?: string;
  column?: string;
  expected: string;
  found?: string;
  mapping?: string;
}

const cases: Case[] = [
  {file: "truncated.csv", at: "line 7", column: "31", expected: "expected 51 cells separated by \",\" as in the header", found: "30 cells"},
  {file: "mixed-delimiters.csv", at: "line 4", column: "2", expected: "expected 51 cells separated by \";\" as in the header", found: "1 cells"},
  {file: "duplicate-ids.csv", at: "line 5", column: "respondent_id", expected: "expected a respondent id not used before (\"EAS-100002\" is already on line 3)"},
  {file: "code-outside-scale.csv", at: "line 4", column: "bes_behoeften", expected: "expected a code or label of scale oordeel4 (1 Onvoldoende, 2 Voldoende, 3 Ruim voldoende, 4 Goed) or empty", found: "7"},
  {file: "code-not-a-number.csv", at: "line 3", column: "inf_loket", expected: "expected a code or label of scale janee (0 Nee, 1 Ja) or empty", found: "misschien"},
  {file: "label-not-in-scale.csv", at: "line 6", column: "bes_agenda", expected: "expected a code or label of scale oordeel4", found: "Ruim onvoldoende"},
  {file: "missing-size-class.csv", at: "line 5", column: "size_class", expected: "expected one of \"<25.000\", \"25.001-50.000\", \"50.001-100.000\", \">100.000\"", found: ""},
  {file: "unknown-size-class.csv", at: "line 2", column: "size_class", expected: "expected one of \"<25.000\"", found: "25.000-50.000"},
  {file: "unknown-role.csv", at: "line 7", column: "role", expected: "expected one of \"gemeentesecretaris\", \"andere functie\"", found: "wethouder"},
  {file: "missing-size-class-column.csv", at: "line 1", column: "size_class", expected: "expected a column named size_class", found: "no such column"},
  {file: "missing-item-column.csv", at: "line 1", column: "km_werven", expected: "expected a column named km_werven", found: "no such column"},
  {file: "unknown-extra-column.csv", at: "line 1", column: "extra_vraag", expected: "expected a column of the codebook", found: "extra_vraag"},
  {file: "duplicate-column.csv", at: "line 1", column: "role", expected: "expected each column once", found: "a second column role (column 52)"},
  {file: "blank-header-cell.csv", at: "line 1", column: "6", expected: "expected a column name in every header cell", found: ""},
  {file: "empty.csv", at: "line 1", expected: "expected a header line with column names", found: "an empty file"},
  {file: "blank-lines-only.csv", at: "line 1", expected: "expected a header line with column names", found: "an empty file"},
  {file: "header-only.csv", at: "line 2", expected: "expected at least one respondent after the header", found: "end of file"},
  {file: "unbalanced-quotes.csv", at: "line 7", expected: "expected a closing double quote for the quoted cell that starts here"},
  {file: "wrong-encoding-utf16.csv", at: "line 1", expected: "expected UTF-8 or Windows-1252 text", found: "UTF-16 text (byte order mark)"},
  {file: "wrong-encoding-mixed.csv", at: "line 6, column \"37\"", expected: "expected one encoding throughout the file", found: "UTF-8 text (line 3) and a byte 0xf6 that is not UTF-8 (line 6, byte 37)"},
  {file: "wrong-encoding-undefined-byte.csv", at: "line 4", expected: "expected UTF-8 or Windows-1252 text", found: "byte 0x81 at line 4, byte 1, which neither encoding uses"},
  {file: "binary-nul.csv", at: "line 3, column \"1\"", expected: "expected text (UTF-8 or Windows-1252) without NUL bytes"},
  {file: "sav-corrupt-magic.sav", at: "byte 0", expected: "expected an SPSS system file starting with \"$FL2\" or \"$FL3\"", found: "$FX2"},
  {file: "sav-truncated-header.sav", at: "byte 100", expected: "expected a complete 176-byte file header", found: "end of file after 100 bytes"},
  {file: "sav-bad-layout-code.sav", at: "byte 64", expected: "expected layout code 2 or 3 in the file header"},
  {file: "sav-bad-compression-code.sav", at: "byte 72", expected: "expected compression code 0, 1 or 2 in the file header", found: "7"},
  {file: "sav-bad-record-type.sav", at: "byte 176", expected: "expected a record type 2, 3, 6, 7 or 999", found: "5"},
  {file: "sav-truncated-data.sav", at: "record 6", expected: "expected 57 values (456 bytes) for case 6"},
  {file: "sav-code-outside-scale.sav", at: "record 4", column: "bes_doorstroom", expected: "expected a code or label of scale oordeel4", found: "7"},
  {file: "not-a-workbook.xlsx", at: "byte 0", expected: "expected an .xlsx workbook (a ZIP file starting with \"PK\")", found: "resp"},
  {file: "code-outside-scale.csv", mapping: "mapping-unknown-column.json", at: "line 1", column: "Gemeentegrootte", expected: "expected a column \"Gemeentegrootte\" as the mapping file says", found: "no such column"},
  {file: "code-outside-scale.csv", mapping: "mapping-unknown-target.json", column: "size_class", expected: "expected a codebook id", found: "gemeentegrootte"}
];

test("every committed bad fixture has a case, and there are at least 20", () => {
  const fixtures = readdirSync(dir).filter((f) => !f.endsWith(".ts") && !f.endsWith(".json"));
  const covered = new Set(cases.map((c) => c.file));
  expect(fixtures.filter((f) => !covered.has(f))).toEqual([]);
  expect(covered.size).toBeGreaterThanOrEqual(20);
});

function firstError(error: unknown): InputError {
  if (error instanceof InputErrors) return error.errors[0];
  if (error instanceof InputError) return error;
  throw error;
}

describe.each(cases)("$file $mapping", (c) => {
  test("fails with file, position, column and what was expected; writes nothing", async () => {
    const file = join(dir, c.file);
    const out = join(tempDir("kv-bad-"), "out");
    const error = await ingest(file, out, {codebook, mapping: c.mapping ? join(dir, c.mapping) : undefined}).then(
      () => undefined,
      (e) => e
    );
    expect(error, "should have failed").toBeDefined();
    const first = firstError(error);
    const where = [c.mapping && !c.at ? join(dir, c.mapping) : file, c.at, c.column !== undefined ? `column ${JSON.stringify(c.column)}` : undefined].filter(Boolean).join(", ");
    expect(first.message.startsWith(`${where}: ${c.expected}`), `message was: ${first.message}`).toBe(true);
    if (c.found !== undefined) expect(first.location.found).toBe(c.found);
    expect(existsSync(out)).toBe(false);
  });
});

// The ingest command (in-process) on a few of them: exit code 1, the message, and no output folder.
describe("npm run ingest refuses bad CSV exports and writes nothing", () => {
  const cliCases = ["code-outside-scale.csv", "duplicate-ids.csv", "header-only.csv", "unbalanced-quotes.csv", "empty.csv"];
  test.each(cliCases)("%s", async (name) => {
    const out = join(tempDir("kv-cli-"), "out");
    const r = await runMain(ingestMain, [join(dir, name), "--out", out]);
    expect(r.status).toBe(1);
    const c = cases.find((x) => x.file === name)!;
    expect(r.stderr).toContain(`${join(dir, name)}, ${c.at}`);
    expect(existsSync(out)).toBe(false);
  });
});

// A very large export, generated here (not committed): streamed in bounded memory; a bad cell near the end is found.
describe("a very large CSV is streamed", () => {
  test("250 000 rows: the bad code and the duplicate id on the last lines are reported; memory stays far below the file size", async () => {
    const file = join(tempDir("kv-large-"), "large.csv");
    const n = 250_000;
    const base = goodRows(44);
    await new Promise<void>((resolve, reject) => {
      const ws = createWriteStream(file);
      ws.on("error", reject);
      ws.write("\uFEFF" + header.join(";") + "\r\n");
      let i = 0;
      const write = () => {
        let ok = true;
        while (i < n && ok) {
          const row = base[i % base.length].slice();
          row[0] = i === n - 1 ? "EAS-0000001" : `EAS-${String(i).padStart(7, "0")}`; // the last id repeats the second
          if (i === n - 2) row[header.indexOf("eva_periodiek")] = "6";
          ok = ws.write(row.join(";") + "\r\n");
          i++;
        }
        if (i < n) ws.once("drain", write);
        else ws.end(resolve);
      };
      write();
    });
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(30e6);
    // Retained heap (after a full garbage collection), sampled while the stream is read.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => (gc(), (peak = Math.max(peak, process.memoryUsage().heapUsed))), 250);
    const error = await validateCsvStream(file, codebook).then(() => undefined, (e) => e);
    clearInterval(sampler);
    expect(error).toBeInstanceOf(InputErrors);
    const messages = (error as InputErrors).errors.map((e) => e.message);
    expect(messages).toEqual([
      `${file}, line ${n}, column "eva_periodiek": expected a code of scale evaluatie4 (1 Niet, 2 Enigszins, 3 Grotendeels, 4 Volledig) or empty, found "6"`,
      `${file}, line ${n + 1}, column "respondent_id": expected a respondent id not used before ("EAS-0000001" is already on line 3), found "EAS-0000001"`
    ]);
    // Reading the file whole would hold at least its text (~size bytes) plus 13 million cell strings (several times size).
    // What streaming keeps is the set of respondent ids seen (for duplicates): ~70 bytes per row, about half the file here.
    expect(peak - before).toBeLessThan(size * 0.75);
    console.log(`large CSV: ${(size / 1e6).toFixed(1)} MB, retained heap during streaming at most ${((peak - before) / 1e6).toFixed(1)} MB above the start`);
    rmSync(file);
  }, 180_000);
});
