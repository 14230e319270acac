// The exported .sav: PSPP opens it and reproduces the report's Tables 1-5 (means and n per size class and in total),
// both from the exported scale scores and recomputed in PSPP from the item answers; labels come from the codebook.
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {dataPackage, kennisverkennerSav, respondentsCsv, siteData} from "../../loaders/write/site-export.ts";
import {parseSav} from "../../loaders/read/sav/read.ts";
import {readCsv} from "../../loaders/read/read-csv.ts";
import {hasPspp, psppMissingMessage, psppTable, runPspp, tempDir} from "../helpers/pspp.ts";
import {describeWith} from "../helpers/prerequisite.ts";
import type {PublishedTable} from "../../src/components/survey/survey-meta.ts";

const published = JSON.parse(readFileSync(new URL("../../data/published.json", import.meta.url), "utf8")) as {tables: PublishedTable[]};
const data = await siteData();
const sav = kennisverkennerSav(data);
const itemsOf = (scale: string) => data.codebook.items.filter((i) => i.scale === scale).map((i) => i.id);

test("our reader reads back the export with the codebook's labels", () => {
  const file = parseSav(sav, "kennisverkenner.sav");
  const v = Object.fromEntries(file.variables.map((x) => [x.name, x]));
  expect(file.cases.length).toBe(107);
  expect(file.variables.map((x) => x.name)).toEqual(data.respondents.columns.map((c) => c.name));
  const item = data.codebook.items.find((i) => i.id === "bes_doorstroom")!;
  expect(v.bes_doorstroom.label).toBe(`${item.section} ${item.text_nl}`);
  expect(v.bes_doorstroom.valueLabels).toEqual(data.codebook.response_scales.oordeel4.options.map((o) => ({value: o.code, label: o.label})));
  expect(file.documents.join(" ")).toMatch(/Gereconstrueerde antwoorden, niet de echte/);
  expect(file.cases.flat()).not.toContain(expect.stringMatching(/^EAS-/));
});

test("the CSV and the data package describe the same columns; the package lists every published file", () => {
  const csv = readCsv(new TextEncoder().encode(respondentsCsv(data)), "respondents.csv");
  const pkg = dataPackage(data);
  expect(csv.rows.length).toBe(107);
  const csvResource = pkg.resources.find((r) => r.path === "respondents.csv")!;
  expect(csvResource.schema!.fields.map((f) => f.name)).toEqual(csv.columns);
  expect(pkg.resources.map((r) => r.path)).toEqual(["respondents.csv", "kennisverkenner.sav", "respondents.parquet", "answers.parquet", "items.parquet", "response_options.parquet"]);
  expect((pkg.resources.find((r) => r.path === "kennisverkenner.sav") as {bytes?: number}).bytes).toBe(sav.length);
  for (const r of pkg.resources) expect(r.name).toMatch(/^[a-z0-9._-]+$/);
  expect(pkg.description).toMatch(/Gereconstrueerde antwoorden/);
});


describeWith({present: hasPspp, missing: psppMissingMessage})("PSPP opens the exported .sav", () => {
  const dir = tempDir("kv-export-");
  writeFileSync(join(dir, "kennisverkenner.sav"), sav);
  const recompute = published.tables.map((t, i) => `COMPUTE s${i} = MEAN.${itemsOf(t.scale).length}(${itemsOf(t.scale).join(", ")}).`).join("\n");
  const syntax = `GET FILE='kennisverkenner.sav'.
DISPLAY DICTIONARY /VARIABLES=bes_doorstroom size_class.
${recompute}
FORMATS ${published.tables.map((t, i) => `${t.scale} s${i}`).join(" ")} (F10.6).
MEANS TABLES=${published.tables.map((t) => t.scale).join(" ")} ${published.tables.map((_, i) => `s${i}`).join(" ")} BY size_class /CELLS=MEAN COUNT.
`;
  const out = runPspp(dir, syntax);

  test("variable and value labels are there", () => {
    const vars = psppTable(out, "Variables");
    expect(vars.find((r) => r[0] === "bes_doorstroom")?.[2]).toMatch(/^1\.2 /);
    const labels = psppTable(out, "Value Labels").map((r) => r.slice(1).join("="));
    expect(labels).toEqual(expect.arrayContaining(["1=Onvoldoende", "2=Voldoende", "3=Ruim voldoende", "4=Goed"]));
  });

  test.each(published.tables.map((t, i) => ({...t, index: i, label: `${t.id}${t.column ? ` (${t.column})` : ""}`})))("$label: means and n per size class and in total", (t) => {
    // PSPP's MEANS prints one table: a Mean and an N row per size class, one column per variable (the exported scores, then those PSPP recomputed).
    const block = out.split(/\n\n/).find((b) => b.startsWith("Table: ") && b.includes("* size_class") && !b.startsWith("Table: Case Processing"))!;
    const lines = block.split("\n").slice(2).filter(Boolean).map((l) => l.split(","));
    const cells: Record<string, {mean: number[]; n: number[]}> = {};
    let current = "";
    for (const [cls, stat, ...values] of lines) {
      if (cls) current = cls;
      cells[current] ??= {mean: [], n: []};
      cells[current][stat === "Mean" ? "mean" : "n"] = values.map(Number);
    }
    const k = published.tables.length;
    for (const column of [t.index, k + t.index]) {
      for (const row of t.rows) {
        expect(cells[row.size_class].mean[column].toFixed(2), `${t.label} ${row.size_class}`).toBe(row.mean.toFixed(2));
        expect(cells[row.size_class].n[column]).toBe(row.n_consistent ?? row.n);
      }
      expect(cells.Total.mean[column].toFixed(2)).toBe(t.total.mean.toFixed(2));
      expect(cells.Total.n[column]).toBe(t.total.n_consistent ?? t.total.n);
    }
  });
});
