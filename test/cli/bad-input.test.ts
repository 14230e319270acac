// Each kind of bad export makes both `npm run validate` and `npm run ingest` exit non-zero with a message
// naming the file, line, column and what was expected; ingest then writes nothing at all.
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {main as ingestMain} from "../../loaders/cli/ingest.ts";
import {ERRORS_SHOWN} from "../../loaders/cli/run-cli.ts";
import {main as validateMain} from "../../loaders/cli/validate.ts";
import {runMain} from "../helpers/cli.ts";

const root = new URL("../../", import.meta.url).pathname;
const good = readFileSync(join(root, "data/raw/responses.csv"), "utf8");
const lines = good.trimEnd().split("\n");
const header = lines[0].split(",");
const col = (name: string) => header.indexOf(name);
const setCell = (lineIndex: number, name: string, value: string) => {
  const copy = lines.slice();
  const cells = copy[lineIndex].split(",");
  cells[col(name)] = value;
  copy[lineIndex] = cells.join(",");
  return copy.join("\n") + "\n";
};

const mains = {ingest: ingestMain, validate: validateMain};
/** The command in-process (its main(argv, io)); one smoke test below spawns the real script. */
function run(script: "ingest" | "validate", file: string, out?: string) {
  return runMain(mains[script], [file, ...(out ? ["--out", out] : [])]);
}

interface Case {
  name: string;
  content: string | Uint8Array;
  message: RegExp;
}

const cases: Case[] = [
  {name: "unknown column", content: good.replace(/^respondent_id,/, "respondent_id,extra_vraag,").replace(/\n(EAS-\d+),/g, "\n$1,3,"), message: /bad\.csv, line 1, column "extra_vraag": expected a column of the codebook/},
  {name: "missing column", content: lines.map((l) => l.split(",").filter((_, i) => i !== col("bes_agenda")).join(",")).join("\n") + "\n", message: /bad\.csv, line 1, column "bes_agenda": expected a column named bes_agenda, found "no such column"/},
  {name: "code outside the item's scale", content: setCell(5, "bes_agenda", "7"), message: /bad\.csv, line 6, column "bes_agenda": expected a code or label of scale oordeel4 \(1 Onvoldoende, 2 Voldoende, 3 Ruim voldoende, 4 Goed\) or empty, found "7"/},
  {name: "text where a code belongs", content: setCell(3, "inw_onderzoek", "vaak"), message: /bad\.csv, line 4, column "inw_onderzoek": expected a code or label of scale inwoners5 .* found "vaak"/},
  {name: "duplicate respondent id", content: setCell(7, "respondent_id", lines[2].split(",")[0]), message: new RegExp(`bad\\.csv, line 8, column "respondent_id": expected a respondent id not used before \\("${lines[2].split(",")[0]}" is already on line 3\\)`)},
  {name: "unknown size class", content: setCell(9, "size_class", "100.000+"), message: /bad\.csv, line 10, column "size_class": expected one of "<25\.000", "25\.001-50\.000", "50\.001-100\.000", ">100\.000", found "100\.000\+"/},
  {name: "unknown role", content: setCell(2, "role", "wethouder"), message: /bad\.csv, line 3, column "role": expected one of "gemeentesecretaris", "andere functie", found "wethouder"/},
  {name: "undecodable text", content: (() => {
    const text = setCell(4, "functie", "co\u00f6rdinator");
    const encoded = new TextEncoder().encode(text);
    const at = text.indexOf("coö");
    const prefix = new TextEncoder().encode(text.slice(0, at + 2)).length;
    return Uint8Array.from([...encoded.slice(0, prefix), 0xf6, ...encoded.slice(prefix + 2)]); // ö as Windows-1252
  })(), message: /bad\.csv, line 5, column "\d+": expected one encoding throughout the file, found "UTF-8 text \(line \d+\) and a byte 0xf6 that is not UTF-8/},
  {name: "empty file", content: "", message: /bad\.csv, line 1: expected a header line with column names, found "an empty file"/},
  {name: "header only", content: lines[0] + "\n", message: /bad\.csv, line 2: expected at least one respondent after the header, found "end of file"/},
  {name: "row with a cell too few", content: lines.slice(0, 4).join("\n") + "\n" + lines[4].split(",").slice(1).join(",") + "\n", message: /bad\.csv, line 5, column "\d+": expected 51 cells separated by "," as in the header, found "50 cells"/},
  {name: "unclosed quote", content: setCell(3, "functie", '"teammanager'), message: /bad\.csv, line \d+: expected a closing double quote/}
];

describe("bad input: clear error, nothing written", () => {
  for (const c of cases)
    it(c.name, async () => {
      const dir = mkdtempSync(join(tmpdir(), "kv-bad-"));
      const file = join(dir, "bad.csv");
      writeFileSync(file, c.content);
      const validate = await run("validate", file);
      expect(validate.status).not.toBe(0);
      expect(validate.stderr).toMatch(c.message);
      const out = join(dir, "out");
      const ingest = await run("ingest", file, out);
      expect(ingest.status).not.toBe(0);
      expect(ingest.stderr).toMatch(c.message);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual(["bad.csv"]); // no staging folder left behind either
    });
});

describe("good input", () => {
  it("a semicolon export with BOM and CRLF gives the same Parquet tables as the comma export", async () => {
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const dir = mkdtempSync(join(tmpdir(), "kv-good-"));
    writeFileSync(join(dir, "dutch.csv"), "\uFEFF" + good.replaceAll(",", ";").replaceAll("\n", "\r\n"));
    for (const [file, out] of [[join(root, "data/raw/responses.csv"), join(dir, "a")], [join(dir, "dutch.csv"), join(dir, "b")]]) {
      const result = await run("ingest", file, out);
      expect(result.status, result.stderr).toBe(0);
    }
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    for (const table of ["respondents", "answers"]) {
      const diff = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ((FROM '${dir}/a/${table}.parquet' EXCEPT FROM '${dir}/b/${table}.parquet') UNION ALL (FROM '${dir}/b/${table}.parquet' EXCEPT FROM '${dir}/a/${table}.parquet'))`);
      expect(diff.getRowObjectsJS()[0].n, table).toBe(0);
    }
    const provenance = await connection.runAndReadAll(`SELECT decode(value) AS v FROM parquet_kv_metadata('${dir}/a/respondents.parquet') WHERE decode(key) = 'kennisverkenner.provenance'`);
    expect(provenance.getRowObjectsJS()[0].v).toBe("reconstructed");
    const other = await connection.runAndReadAll(`SELECT decode(value) AS v FROM parquet_kv_metadata('${dir}/b/respondents.parquet') WHERE decode(key) = 'kennisverkenner.provenance'`);
    expect(other.getRowObjectsJS()[0].v).toBe("export");
    connection.closeSync();
    instance.closeSync();
  });

  it("never writes the survey tool's ids: respondents carry pseudonyms only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kv-ids-"));
    expect((await run("ingest", join(root, "data/raw/responses.csv"), dir)).status).toBe(0);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(Buffer.from("EAS-")), file).toBe(false);
  });
});

describe("error listings", () => {
  const manyBad = lines.map((l, i) => (i > 0 && i <= 25 ? l.replace(/,(\d),/, ",7,") : l)).join("\n") + "\n";
  it(`shows the first ${ERRORS_SHOWN} errors and says how to see the rest; --all-errors and --errors-file list every one`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "kv-many-"));
    const file = join(dir, "bad.csv");
    writeFileSync(file, manyBad);
    const first = await run("validate", file);
    const shown = first.stderr.trimEnd().split("\n");
    expect(first.status).toBe(1);
    expect(shown).toHaveLength(ERRORS_SHOWN + 1);
    expect(shown.at(-1)).toMatch(/^\.\.\. and (\d+) more \((\d+) errors in all\); run again with --all-errors to see every one, or --errors-file errors\.txt/);
    const total = Number(/\((\d+) errors in all\)/.exec(shown.at(-1)!)![1]);
    expect(total).toBeGreaterThan(ERRORS_SHOWN);
    const all = await runMain(validateMain, [file, "--all-errors"]);
    expect(all.stderr.trimEnd().split("\n")).toHaveLength(total);
    const listing = join(dir, "errors.txt");
    const toFile = await runMain(ingestMain, [file, "--out", join(dir, "out"), "--errors-file", listing]);
    expect(readFileSync(listing, "utf8").trimEnd().split("\n")).toHaveLength(total);
    expect(toFile.stderr).toContain(`all in ${listing}`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("an unknown column names the mapping file's drop list as the fix", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kv-drop-"));
    const file = join(dir, "extra.csv");
    writeFileSync(file, cases[0].content);
    expect((await run("validate", file)).stderr).toContain('Fix: to leave the column out, list it under "drop" in a mapping file, e.g. {"columns": {}, "drop": ["extra_vraag"]}');
    writeFileSync(join(dir, "map.json"), JSON.stringify({columns: {}, drop: ["extra_vraag"]}));
    const fixed = await runMain(validateMain, [file, "--mapping", join(dir, "map.json")]);
    expect(fixed.stdout).toContain("valid, 107 respondents");
  });
});

// The one test that starts the real script, as npm run does: exit codes and streams of a separate process.
describe("npm run validate as a process", () => {
  it("exits 0 on the reconstructed export and 1 with the message on a bad one", () => {
    const good = spawnSync(process.execPath, ["--import", "tsx", join(root, "loaders/cli/validate.ts"), join(root, "data/raw/responses.csv")], {cwd: root, encoding: "utf8"});
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain("valid, 107 respondents");
    const dir = mkdtempSync(join(tmpdir(), "kv-spawn-"));
    writeFileSync(join(dir, "bad.csv"), setCell(9, "size_class", "100.000+"));
    const bad = spawnSync(process.execPath, ["--import", "tsx", join(root, "loaders/cli/validate.ts"), join(dir, "bad.csv")], {cwd: root, encoding: "utf8"});
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv, line 10, column "size_class": expected one of/);
  });
});
