// A .sav goes in and out: the reconstructed export written as SPSS (value labels, variable labels, user-missing 99 for
// unanswered) is ingested by the pipeline exactly like the CSV, and the site's .sav export carries the labels again.
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {main as ingestMain} from "../../../loaders/cli/ingest.ts";
import {runMain} from "../../helpers/cli.ts";
import {describe, expect, test} from "vitest";
import {loadCodebook} from "../../../loaders/codebook/load-codebook.ts";
import {kennisverkennerSav} from "../../../loaders/write/site-export.ts";
import {parseSav} from "../../../loaders/read/sav/read.ts";
import {writeSav} from "../../../loaders/write/sav/write.ts";
import {exportTables} from "../../../loaders/pipeline/ingest.ts";
import {siteExport} from "../../../loaders/pipeline/published-parquet.ts";
import {readCsv} from "../../../loaders/read/read-csv.ts";
import {tempDir} from "../../helpers/pspp.ts";

const codebook = loadCodebook();
const raw = readCsv(readFileSync(siteExport), "responses.csv");
const dir = tempDir("kv-roundtrip-");
const savIn = join(dir, "export.sav");
writeFileSync(
  savIn,
  writeSav({
    columns: raw.columns.map((name, k) => {
      const item = codebook.items.find((i) => i.id === name);
      const values = raw.rows.map((r) => r.cells[k]);
      if (!item) return {name, type: "string" as const, values};
      const options = codebook.response_scales[item.response_scale].options;
      return {name, type: "numeric" as const, label: item.text_nl, values: values.map((v) => (v === "" ? 99 : Number(v))), valueLabels: [...options.map((o) => ({value: o.code, label: o.label})), {value: 99, label: "Niet beantwoord"}], missing: {discrete: [99]}};
    })
  })
);

test("the pipeline reads the .sav export into exactly the tables it makes from the CSV", async () => {
  const fromSav = (await exportTables(savIn)).tables;
  const fromCsv = (await exportTables(siteExport)).tables;
  expect(fromSav).toEqual(fromCsv);
});

test("out again: the site's .sav built from the .sav input has the codebook's variable and value labels; unanswered is system-missing", async () => {
  const {tables, provenance} = await exportTables(savIn);
  const out = parseSav(kennisverkennerSav({codebook, respondents: tables.find((t) => t.name === "respondents")!, tables, provenance}), "out.sav");
  const inp = parseSav(readFileSync(savIn), "export.sav");
  for (const item of codebook.items) {
    const a = inp.variables.find((v) => v.name === item.id)!;
    const b = out.variables.find((v) => v.name === item.id)!;
    expect(b.valueLabels).toEqual(a.valueLabels.filter((l) => l.value !== 99));
    expect(b.label).toBe(`${item.section} ${a.label}`);
    const k = inp.variables.indexOf(a);
    const j = out.variables.indexOf(b);
    expect(out.cases.map((c) => c[j])).toEqual(inp.cases.map((c) => (c[k] === 99 ? null : c[k])));
  }
});

describe("npm run ingest with .sav exports", () => {
  const run = (file: string, out: string) => runMain(ingestMain, [file, "--out", out]);
  test("a good .sav is ingested", async () => {
    const out = join(dir, "out");
    const r = await run(savIn, out);
    expect(r.stderr).toContain("valid");
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["answers.parquet", "items.parquet", "respondents.parquet", "response_options.parquet"]);
  });
  test.each([
    ["sav-corrupt-magic.sav", "byte 0: expected an SPSS system file"],
    ["sav-truncated-data.sav", "record 6: expected 57 values"],
    ["sav-code-outside-scale.sav", 'record 4, column "bes_doorstroom": expected a code or label of scale oordeel4']
  ])("%s is refused and nothing is written", async (name, message) => {
    const out = join(dir, `out-${name}`);
    const file = fileURLToPath(new URL(`../../fixtures/bad/${name}`, import.meta.url));
    const r = await run(file, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}, ${message}`);
    expect(existsSync(out)).toBe(false);
  });
});
