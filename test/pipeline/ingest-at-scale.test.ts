// The DuckDB ingest of large exports against the in-memory ingest: the same Parquet content (schema, rows in
// order, footer metadata) and the same error messages, and nothing written when the export is refused.
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {writeExport} from "../../scripts/generate-large.ts";
import {ingest} from "../../loaders/pipeline/ingest.ts";
import {ingestAtScale} from "../../loaders/pipeline/ingest-at-scale.ts";

const TABLES = ["respondents", "answers", "items", "response_options"];
let dir: string;
let generated: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kv-at-scale-"));
  generated = join(dir, "generated-2000.csv");
  await writeExport(generated, {respondents: 2000, seed: 0.17});
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** Schema, rows (in file order, as text) and key-value metadata of each table in a folder. */
async function parquetContent(folder: string): Promise<Record<string, {schema: unknown[]; rows: string[]; metadata: unknown[]}>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const content: Record<string, {schema: unknown[]; rows: string[]; metadata: unknown[]}> = {};
    for (const table of TABLES) {
      const path = join(folder, `${table}.parquet`).replaceAll("'", "''");
      const schema = (await connection.runAndReadAll(`SELECT name, type, converted_type, logical_type, repetition_type FROM parquet_schema('${path}')`)).getRows();
      // Rows in file order: the Parquet reader keeps it with one thread.
      await connection.run("SET threads = 1");
      const rows = (await connection.runAndReadAll(`SELECT CAST(t AS VARCHAR) FROM '${path}' t`)).getRows().map(([r]) => String(r));
      await connection.run("RESET threads");
      const metadata = (await connection.runAndReadAll(`SELECT decode(key), decode(value) FROM parquet_kv_metadata('${path}') ORDER BY 1`)).getRows();
      content[table] = {schema, rows, metadata};
    }
    return content;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function bothPaths(file: string): Promise<void> {
  const memory = join(dir, `memory-${Math.random().toString(36).slice(2)}`);
  const atScale = join(dir, `at-scale-${Math.random().toString(36).slice(2)}`);
  const a = await ingest(file, memory);
  const b = await ingestAtScale(file, atScale);
  expect(b.dropped).toEqual(a.dropped);
  expect(b.written.map((f) => f.slice(atScale.length)).sort()).toEqual(a.written.map((f) => f.slice(memory.length)).sort());
  const [left, right] = [await parquetContent(memory), await parquetContent(atScale)];
  for (const table of TABLES) {
    expect(right[table].schema, table).toEqual(left[table].schema);
    expect(right[table].metadata, table).toEqual(left[table].metadata);
    expect(right[table].rows.length, table).toBe(left[table].rows.length);
    expect(right[table].rows, table).toEqual(left[table].rows);
  }
  expect(left.respondents.rows.length).toBeGreaterThan(0);
}

describe("ingestAtScale writes what ingest writes", () => {
  it("for the reconstructed export", async () => {
    await bothPaths("data/raw/responses.csv");
  }, 60_000);
  it("for a generated export of 2 000 respondents", async () => {
    await bothPaths(generated);
  }, 60_000);
  it("for answers given as labels and codes with spaces around them (the streaming check judges those)", async () => {
    const lines = readFileSync("data/raw/responses.csv", "utf8").split("\n");
    const cells = lines[3].split(",");
    cells[4] = " 2 ";
    cells[5] = "veel groter"; // a label, as applyMapping reads it: code 4
    lines[3] = cells.join(",");
    const file = join(dir, "padded.csv");
    writeFileSync(file, lines.join("\n"));
    await bothPaths(file);
  }, 60_000);
  it("for a semicolon export with a left-out free-text column spanning lines", async () => {
    const lines = readFileSync("data/raw/responses.csv", "utf8").trimEnd().split("\n");
    const withNote = lines.map((line, i) => `${line.replaceAll(",", ";")};${i === 0 ? "toelichting" : i === 2 ? '"eerste regel\ntweede regel; met ""aanhalingstekens"""' : "geen"}`);
    const file = join(dir, "semicolon.csv");
    writeFileSync(file, withNote.join("\n") + "\n");
    await bothPaths(file);
  }, 60_000);
});

/** A copy of the reconstructed export with `edit` applied to its lines (0 = header). */
function exportWith(name: string, edit: (lines: string[]) => void): string {
  const lines = readFileSync("data/raw/responses.csv", "utf8").trimEnd().split("\n");
  edit(lines);
  const file = join(dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

function setCell(lines: string[], line: number, column: string, value: string): void {
  const index = lines[0].split(",").indexOf(column);
  const cells = lines[line - 1].split(",");
  cells[index] = value;
  lines[line - 1] = cells.join(",");
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the export to be refused");
}

/** Both paths refuse the export with the same message, and write nothing (not even a staging folder). */
async function sameRefusal(file: string): Promise<string> {
  const parent = mkdtempSync(join(dir, "out-"));
  const memory = await refusal(() => ingest(file, join(parent, "memory")));
  const atScale = await refusal(() => ingestAtScale(file, join(parent, "at-scale")));
  expect(atScale).toBe(memory);
  expect(readdirSync(parent)).toEqual([]);
  return atScale;
}

describe("ingestAtScale refuses what ingest refuses, in the same words", () => {
  it("a code outside the item's scale, at its line", async () => {
    const file = exportWith("code.csv", (lines) => setCell(lines, 9, "bes_agenda", "7"));
    expect(await sameRefusal(file)).toMatch(/code\.csv, line 9, column "bes_agenda": expected a code or label of scale .* or empty, found "7"/);
  }, 60_000);
  it("an unknown size class", async () => {
    const file = exportWith("size.csv", (lines) => setCell(lines, 4, "size_class", "250.000+"));
    expect(await sameRefusal(file)).toMatch(/size\.csv, line 4, column "size_class": expected one of "<25.000"/);
  }, 60_000);
  it("a repeated respondent id, naming the line of its first use", async () => {
    const file = exportWith("duplicate.csv", (lines) => setCell(lines, 30, "respondent_id", lines[5].split(",")[0]));
    expect(await sameRefusal(file)).toMatch(/duplicate\.csv, line 30, column "respondent_id": expected a respondent id not used before \(".*" is already on line 6\)/);
  }, 60_000);
  it("a missing column", async () => {
    const file = exportWith("missing.csv", (lines) => {
      const drop = lines[0].split(",").indexOf("role");
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i].split(",").filter((_, j) => j !== drop).join(",");
    });
    expect(await sameRefusal(file)).toMatch(/missing\.csv, line 1, column "role": expected a column named role, found "no such column"/);
  }, 60_000);
  it("a quoted cell with a line break before the error: the error's real line", async () => {
    const file = exportWith("multiline.csv", (lines) => {
      lines[0] += ",opmerking";
      for (let i = 1; i < lines.length; i++) lines[i] += i === 3 ? ',"regel een\nregel twee"' : ",";
      setCell(lines, 11, "eva_raad", "x");
    });
    // Record 10 of the data starts on line 12: line 4 of the file holds the second half of a cell.
    expect(await sameRefusal(file)).toMatch(/multiline\.csv, line 12, column "eva_raad": expected a code or label of scale .* found "x"/);
  }, 60_000);
  it("a blank line before the error", async () => {
    const file = exportWith("blank.csv", (lines) => {
      setCell(lines, 20, "km_vinden", "9");
      lines.splice(5, 0, "");
    });
    expect(await sameRefusal(file)).toMatch(/blank\.csv, line 21, column "km_vinden"/);
  }, 60_000);
  it("more errors than are shown, with the same count", async () => {
    const answers = exportWith("many-answers.csv", (lines) => {
      for (let line = 2; line <= 40; line++) setCell(lines, line, "uit_nieuw", "0");
    });
    expect(await sameRefusal(answers)).toMatch(/\.\.\. and 19 more$/);
    const background = exportWith("many-background.csv", (lines) => {
      for (let line = 2; line <= 30; line++) setCell(lines, line, "role", "wethouder");
      setCell(lines, 12, "respondent_id", "");
      setCell(lines, 60, "respondent_id", lines[40].split(",")[0]);
    });
    expect(await sameRefusal(background)).toMatch(/\.\.\. and 11 more$/);
  }, 60_000);
  it("a code written 01 (neither code nor label)", async () => {
    const file = exportWith("leading-zero.csv", (lines) => setCell(lines, 33, "inw_plannen", "01"));
    expect(await sameRefusal(file)).toMatch(/leading-zero\.csv, line 33, column "inw_plannen": expected a code or label of scale/);
  }, 60_000);
  it("an unknown size class and a bad answer: the answer first, as applyMapping stops first", async () => {
    const file = exportWith("two-kinds.csv", (lines) => {
      setCell(lines, 3, "size_class", "groot");
      setCell(lines, 50, "km_werven", "geen idee");
    });
    expect(await sameRefusal(file)).toMatch(/^[^\n]*two-kinds\.csv, line 50, column "km_werven"[^\n]*$/);
  }, 60_000);
  it("a quoted code with spaces inside the quotes (csv-parse keeps them)", async () => {
    const file = exportWith("quoted.csv", (lines) => setCell(lines, 15, "net_intern", '" 2"'));
    expect(await sameRefusal(file)).toMatch(/quoted\.csv, line 15, column "net_intern".*found " 2"/);
  }, 60_000);
  it("a row with too few cells", async () => {
    const file = exportWith("short.csv", (lines) => (lines[50] = lines[50].split(",").slice(0, 10).join(",")));
    expect(await sameRefusal(file)).toMatch(/short\.csv, line 51, column "11": expected 51 cells/);
  }, 60_000);
  it("a group of quasi-identifiers smaller than k", async () => {
    // 6 municipal secretaries of large municipalities answered; leave out 2.
    const file = exportWith("small-group.csv", (lines) => {
      for (let n = 0; n < 2; n++) lines.splice(lines.findIndex((l) => l.includes(",>100.000,gemeentesecretaris,")), 1);
    });
    const message = await sameRefusal(file);
    expect(message).toMatch(/small-group\.csv, column "size_class x role": expected at least 5 respondents/);
  }, 60_000);
  it("a size class of the population without any respondent", async () => {
    const file = exportWith("no-large.csv", (lines) => {
      for (let i = lines.length - 1; i > 0; i--) if (lines[i].includes(",>100.000,")) lines.splice(i, 1);
    });
    expect(await sameRefusal(file)).toMatch(/no-large\.csv, column "size_class": expected at least one respondent in every size class of the population .*found "no respondent with size_class >100\.000 \(32 municipalities in the population\)"/);
  }, 60_000);
  it("a file that does not exist", async () => {
    expect(await sameRefusal(join(dir, "no-such-export.csv"))).toMatch(/expected an existing file/);
  });
});

describe("ingestAtScale leaves the output folder as it was on failure", () => {
  it("keeps earlier files and adds nothing", async () => {
    const out = mkdtempSync(join(dir, "keep-"));
    writeFileSync(join(out, "respondents.parquet"), "earlier");
    const file = exportWith("late-error.csv", (lines) => setCell(lines, lines.length, "eva_periodiek", "8"));
    await expect(ingestAtScale(file, out)).rejects.toThrow(/line 108, column "eva_periodiek"/);
    expect(readdirSync(out)).toEqual(["respondents.parquet"]);
    expect(readFileSync(join(out, "respondents.parquet"), "utf8")).toBe("earlier");
    expect(readdirSync(dir).filter((f) => f.startsWith(".staging-"))).toEqual([]);
    expect(existsSync(join(out, "answers.parquet"))).toBe(false);
  }, 60_000);
});
