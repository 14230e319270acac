import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {checkKAnonymity, dropDirectIdentifiers, groupSizes, identifierByContent, prepareForPublication} from "../../loaders/anonymise/index.ts";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {InputError} from "../../loaders/input-error.ts";
import type {RawTable} from "../../loaders/read/raw-table.ts";
import {readCsv} from "../../loaders/read/read-csv.ts";

const codebook = loadCodebook();
const raw = readCsv(readFileSync(new URL("../../data/raw/responses.csv", import.meta.url)), "responses.csv");

function withExtraColumns(table: RawTable, extra: Record<string, (i: number) => string>): RawTable {
  return {...table, columns: [...table.columns, ...Object.keys(extra)], rows: table.rows.map((r, i) => ({line: r.line, cells: [...r.cells, ...Object.values(extra).map((f) => f(i))]}))};
}

describe("direct identifiers", () => {
  const table = withExtraColumns(raw, {
    Gemeentenaam: (i) => `Gemeente ${i}`,
    gemeentecode: (i) => `GM${String(i).padStart(4, "0")}`,
    "E-mailadres": (i) => `secretaris${i}@gemeente.nl`,
    ip_address: (i) => `10.0.${i}.1`,
    Startdatum: () => "2021-03-01 09:12",
    toelichting: () => "Wij werken samen met de hogeschool in de regio.",
    Q17: (i) => `medewerker${i}@example.org`, // e-mail by content
    Q18: (i) => `192.168.1.${i}`, // IP by content
    Q19: (i) => `0${i % 9}-03-2021 10:${String(i % 60).padStart(2, "0")}`, // timestamp by content
    Q20: () => "Het kennisloket van onze gemeente is in 2019 opgeheven wegens bezuinigingen", // free text by content
    Q21: (i) => String(i % 3) // an unknown but harmless column: left for validation to refuse
  });
  const {table: out, dropped} = dropDirectIdentifiers(table, codebook);

  test("are dropped by name and by content, each with its kind", () => {
    expect(dropped).toEqual([
      {column: "Gemeentenaam", kind: "municipality", by: "name"},
      {column: "gemeentecode", kind: "municipality", by: "name"},
      {column: "E-mailadres", kind: "email", by: "name"},
      {column: "ip_address", kind: "ip", by: "name"},
      {column: "Startdatum", kind: "timestamp", by: "name"},
      {column: "toelichting", kind: "free_text", by: "name"},
      {column: "Q17", kind: "email", by: "content"},
      {column: "Q18", kind: "ip", by: "content"},
      {column: "Q19", kind: "timestamp", by: "content"},
      {column: "Q20", kind: "free_text", by: "content"}
    ]);
    expect(out.columns).toEqual([...raw.columns, "Q21"]);
    expect(out.rows[5].cells).toEqual([...raw.rows[5].cells, "2"]);
    expect(JSON.stringify(out)).not.toMatch(/@|Gemeente \d|GM00|192\.168|bezuinigingen/);
  });
  test("codebook columns are never dropped here, whatever they contain", () => {
    expect(dropDirectIdentifiers(raw, codebook).dropped).toEqual([]);
  });
  test("content rules need most cells to match", () => {
    expect(identifierByContent(["a@b.nl", "", "c@d.org"])).toBe("email");
    expect(identifierByContent(["1", "2", "a@b.nl"])).toBeUndefined();
    expect(identifierByContent(["3", "4"])).toBeUndefined();
  });
});

describe("publication: withhold, pseudonymise, k-anonymity", () => {
  test("the reconstructed export passes with k = 5: functie withheld, ids replaced by r001..", () => {
    const {table, report} = prepareForPublication(raw, codebook);
    expect(table.columns).not.toContain("functie");
    expect(table.rows.map((r) => r.cells[0]).slice(0, 3)).toEqual(["r001", "r002", "r003"]);
    expect(JSON.stringify(table)).not.toContain("EAS-");
    expect(report.quasiIdentifiers).toEqual(["size_class", "role"]);
    expect(report.smallestGroup).toBe(Math.min(...groupSizes(raw, ["size_class", "role"]).map((g) => g.count)));
    expect(report.smallestGroup).toBeGreaterThanOrEqual(5);
    expect(report.dropped).toEqual([{column: "functie", kind: "withheld", by: "codebook"}, {column: "respondent_id", kind: "pseudonymised", by: "codebook"}]);
  });
  test("k is configurable: a k above the smallest group refuses and lists every offending combination", () => {
    const smallest = Math.min(...groupSizes(raw, ["size_class", "role"]).map((g) => g.count));
    let error: unknown;
    try {
      prepareForPublication(raw, codebook, {k: smallest + 1});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const small = groupSizes(raw, ["size_class", "role"]).filter((g) => g.count <= smallest);
    const e = error as InputError;
    expect(e.message).toMatch(new RegExp(`^responses\\.csv, column "size_class x role": expected at least ${smallest + 1} respondents in every combination of size_class, role`));
    for (const g of small) expect(e.location.found).toContain(`size_class=${JSON.stringify(g.values.size_class)}, role=${JSON.stringify(g.values.role)}: ${g.count}`);
  });
  test("a region variable is a quasi-identifier; coarsening it (or dropping it) makes the data publishable", () => {
    const provinces = ["Groningen", "Friesland", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"];
    const table = withExtraColumns(raw, {provincie: (i) => provinces[(i * 7) % 12]});
    expect(() => prepareForPublication(table, codebook)).toThrow(/every combination of size_class, role, provincie/);
    const landsdeel: Record<string, string> = Object.fromEntries(provinces.map((p, i) => [p, i < 3 ? "Noord" : i < 7 ? "Oost" : i < 10 ? "West" : "Zuid"]));
    expect(() => prepareForPublication(table, codebook, {coarsen: {provincie: landsdeel}})).toThrow(/provincie/); // still too fine with 4 size classes x 2 roles
    const coarse = prepareForPublication(table, codebook, {coarsen: {provincie: landsdeel, size_class: {"<25.000": "<50.000", "25.001-50.000": "<50.000", "50.001-100.000": ">50.000", ">100.000": ">50.000"}, role: "drop"}});
    expect(coarse.report.smallestGroup).toBeGreaterThanOrEqual(5);
    expect(coarse.table.columns).not.toContain("role");
    expect(() => prepareForPublication(table, codebook, {coarsen: {provincie: "drop"}})).not.toThrow();
  });
  test("checkKAnonymity rejects a bad k", () => {
    expect(() => checkKAnonymity(raw, ["size_class"], 0)).toThrow(/positive integer/);
  });
});

describe("k-anonymity override", () => {
  test("a reason in the mapping turns the refusal into a recorded decision listing the small groups", () => {
    const raw = readCsv(readFileSync(new URL("../../data/raw/responses.csv", import.meta.url)), "responses.csv");
    const codebook = loadCodebook();
    expect(() => prepareForPublication(raw, codebook, {k: 7})).toThrow(/Fix: if publishing these groups is a considered decision, add to the mapping file "k_anonymity": \{"override": "<the reason>"\}/);
    const {report} = prepareForPublication(raw, codebook, {k: 7, override: "Alle gemeenten hebben ingestemd met publicatie."});
    expect(report.override?.reason).toBe("Alle gemeenten hebben ingestemd met publicatie.");
    expect(report.override?.groups.filter((g) => g.count < 7).map((g) => g.count)).toEqual([5, 6]);
  });
});
