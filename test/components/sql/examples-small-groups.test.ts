// No example query shows a group of 1-4 respondents, or lets one follow by subtraction. Each example runs over a copy
// of the survey data in which one group has been shrunk to 3 respondents (rows deleted in DuckDB): a size class x role
// cell (visible only in the per-role crosstab), and a whole size class (visible in every per-size-class example and
// in every total that includes it). What counts as derivable: a count shown, a total minus the groups shown beside it,
// and a total of all size classes when another example shows the size classes one by one.
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection, type DuckDBInstance as Instance} from "@duckdb/node-api";
import {DERIVABLE_TEXT, exampleQueries, type ExampleQuery} from "../../../src/components/sql/examples.js";
import {MIN_GROUP_SIZE, SUPPRESSED_TEXT} from "../../../src/components/stats/suppression.js";
import {itemsOfFigure} from "../../../src/components/survey/survey-meta.js";
import {siteMeta} from "../../../loaders/pipeline/site-data.ts";
import {generateSurvey} from "../../../scripts/generate-large.js";

const meta = await siteMeta();
const examples = exampleQueries(meta);
const isSmall = (n: number) => n > 0 && n < MIN_GROUP_SIZE;
/** A number in a result, or null when blanked. */
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

let instance: Instance;
let connection: DuckDBConnection;
beforeEach(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  await generateSurvey(connection, {respondents: 107});
});
afterEach(() => {
  connection.closeSync();
  instance.closeSync();
});

const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** Keep only 3 respondents of `where` (and their answers). */
async function shrinkTo3(where: string): Promise<void> {
  const [{n}] = await rows(`SELECT count(*) AS n FROM respondents WHERE ${where}`);
  expect(Number(n), `respondents where ${where}`).toBeGreaterThan(3);
  await connection.run(`DELETE FROM respondents WHERE ${where} AND respondent_id NOT IN (SELECT respondent_id FROM respondents WHERE ${where} ORDER BY respondent_id LIMIT 3)`);
  await connection.run("DELETE FROM answers WHERE respondent_id NOT IN (SELECT respondent_id FROM respondents)");
}

/** Answered counts per size class of a scale (a respondents column) or an item (answers), over all roles. */
async function perSizeClass(measure: {scale: string} | {item: string}): Promise<Map<string, number>> {
  const sql =
    "scale" in measure
      ? `SELECT size_class, count(${measure.scale}) AS n FROM respondents GROUP BY size_class`
      : `SELECT size_class, count(*) AS n FROM answers JOIN respondents USING (respondent_id) WHERE item_id = ${literal(measure.item)} GROUP BY size_class`;
  return new Map((await rows(sql)).map((r) => [r.size_class as string, Number(r.n)]));
}
const anySmall = (counts: Map<string, number>) => [...counts.values()].some(isSmall);

/** Rows of one measure by size class plus Totaal: no small class shown, the total not the sum of hidden small groups. */
function checkClassesAndTotal(label: string, shown: {sizeClass: string; n: number | null; value: number | null}[], truth: Map<string, number>) {
  for (const row of shown) expect(row.n === null, `${label} ${row.sizeClass}: value and n blanked together`).toBe(row.value === null);
  const classes = shown.filter((r) => r.sizeClass !== "Totaal");
  for (const row of classes) {
    if (isSmall(truth.get(row.sizeClass) ?? 0)) expect(row.n, `${label} ${row.sizeClass}: a small group is blanked`).toBeNull();
    if (row.n !== null) expect(isSmall(row.n), `${label} ${row.sizeClass}: n = ${row.n}`).toBe(false);
  }
  const total = shown.find((r) => r.sizeClass === "Totaal");
  if (total?.n != null) {
    const rest = total.n - classes.reduce((sum, r) => sum + (r.n ?? 0), 0);
    expect(isSmall(rest), `${label}: Totaal minus the classes shown leaves ${rest}`).toBe(false);
  }
}

/** Checks one example's result; every example has a rule, so a new example cannot go unchecked. */
async function check(example: ExampleQuery): Promise<void> {
  const result = await rows(example.sql);
  const scaleOf = (column: string) => meta.scales.find((s) => column === `n ${s.id.replaceAll("_", " ")} (${column.match(/\((\d+-\d+)\)$/)![1]})`)!;
  if (example.id.startsWith("tabel-")) {
    for (const column of Object.keys(result[0]).filter((c) => c.startsWith("n "))) {
      const scale = scaleOf(column);
      const truth = await perSizeClass({scale: scale.id});
      const shown = result.map((r) => ({sizeClass: r.gemeentegrootte as string, n: num(r[column]), value: num(r[column.slice(2)])}));
      checkClassesAndTotal(`${example.id} ${scale.id}`, shown, truth);
    }
  } else if (example.id === "figuur-5") {
    const textOf = new Map((await rows("SELECT item_id, text_nl FROM items")).map((r) => [r.text_nl as string, r.item_id as string]));
    for (const text of new Set(result.map((r) => r.voorziening as string))) {
      const truth = await perSizeClass({item: textOf.get(text)!});
      const shown = result.filter((r) => r.voorziening === text).map((r) => ({sizeClass: r.gemeentegrootte as string, n: num(r.n), value: num(r["procent ja"])}));
      checkClassesAndTotal(`${example.id} ${text}`, shown, truth);
    }
  } else if (example.source.startsWith("Figuur")) {
    // One group per question: all respondents, or (Figures 10 onward) one size class.
    const needs = examples.filter((e) => e.section === examples.find((x) => x.id === "figuur-10")!.section);
    const sizeClass = meta.sizeClasses[needs.indexOf(example)];
    const textOf = new Map((await rows("SELECT item_id, text_nl FROM items")).map((r) => [r.text_nl as string, r.item_id as string]));
    for (const text of new Set(result.map((r) => r.vraag as string))) {
      const own = result.filter((r) => r.vraag === text);
      const shownN = own.reduce((sum, r) => sum + (num(r.n) ?? 0), 0);
      expect(isSmall(shownN), `${example.id} ${text}: ${shownN} respondents shown`).toBe(false);
      if (sizeClass) {
        const truth = (await perSizeClass({item: textOf.get(text)!})).get(sizeClass) ?? 0;
        if (isSmall(truth)) for (const r of own) expect([r.n, r.procent, r.opmerking], `${example.id} ${text}`).toEqual([null, null, SUPPRESSED_TEXT]);
      }
      expect(itemsOfFigure(meta, example.source)).toContain(textOf.get(text));
    }
  } else if (example.id === "methode-kruistabel") {
    const truth = new Map((await rows("SELECT size_class, count(*) AS n FROM respondents GROUP BY size_class")).map((r) => [r.size_class as string, Number(r.n)]));
    for (const r of result) if (r.n !== null) expect(isSmall(num(r.n)!), `${r.gemeentegrootte} ${r.functie}: n = ${r.n}`).toBe(false);
    // The respondents per size class are public when 5 or more (the methods page): a class minus its shown roles may
    // not leave 1-4. A class of 1-4 is shown nowhere, so none of its roles may be.
    for (const [sizeClass, n] of truth) {
      const own = result.filter((r) => r.gemeentegrootte === sizeClass);
      if (isSmall(n)) {
        expect(own.every((r) => r.n === null), sizeClass).toBe(true);
        continue;
      }
      const rest = n - own.reduce((sum, r) => sum + (num(r.n) ?? 0), 0);
      expect(isSmall(rest), `${sizeClass}: ${rest} respondents follow`).toBe(false);
    }
  } else if (example.id === "methode-gewogen") {
    // Tables 1-5 show the size classes: a total that includes a small class gives it by subtraction.
    for (const r of result) {
      const small = anySmall(await perSizeClass({scale: r.schaal as string}));
      expect([r.n === null, r.gewogen === null, r.ongewogen === null], `${r.schaal}`).toEqual([small, small, small]);
      expect(r.opmerking).toBe(small ? DERIVABLE_TEXT : null);
    }
  } else if (example.id === "methode-nonrespons") {
    for (const r of result) {
      const small = anySmall(await perSizeClass({item: r.item_id as string}));
      expect([r["niet beantwoord"] === null, r.procent === null], `${r.item_id}`).toEqual([small, small]);
    }
  } else if (example.id === "methode-schaalscore") {
    // One row per respondent without size class or role: the table a reader reads anyway, no group.
    expect(Object.keys(result[0])).not.toContain("gemeentegrootte");
  } else {
    throw new Error(`no small-group rule for example ${example.id}`);
  }
}

describe("no small group is shown or derivable in any example query", () => {
  it("with a size class x role cell of 3 respondents", async () => {
    const [size, role] = [meta.sizeClasses.at(-1)!, meta.roles[0]];
    await shrinkTo3(`size_class = ${literal(size)} AND role = ${literal(role)}`);
    for (const example of examples) await check(example);
    const crosstab = await rows(examples.find((e) => e.id === "methode-kruistabel")!.sql);
    expect(crosstab.filter((r) => r.gemeentegrootte === size).map((r) => r.opmerking).sort()).toEqual([DERIVABLE_TEXT, SUPPRESSED_TEXT].sort());
  });
  it("with a whole size class of 3 respondents", async () => {
    const size = meta.sizeClasses[1];
    await shrinkTo3(`size_class = ${literal(size)}`);
    for (const example of examples) await check(example);
    const table = await rows(examples.find((e) => e.id === "tabel-1")!.sql);
    expect(table.find((r) => r.gemeentegrootte === size)!.opmerking).toBe(SUPPRESSED_TEXT);
    expect(table.find((r) => r.gemeentegrootte === "Totaal")!.opmerking).toBe(DERIVABLE_TEXT);
    const needs = await rows(examples.find((e) => e.title.includes(`(${size})`))!.sql);
    expect(needs.every((r) => r.n === null && r.opmerking === SUPPRESSED_TEXT)).toBe(true);
    const shares = await rows(examples.find((e) => e.id === "figuur-5")!.sql);
    expect(shares.filter((r) => r.gemeentegrootte === "Totaal").every((r) => r.n === null && r.opmerking === DERIVABLE_TEXT)).toBe(true);
  });
  it("and with no small group nothing is blanked", async () => {
    for (const example of examples) await check(example);
    for (const example of examples.filter((e) => !e.id.startsWith("figuur-") || e.id === "figuur-5")) {
      const result = await rows(example.sql);
      if ("opmerking" in result[0]) expect(result.filter((r) => r.opmerking !== null), example.id).toEqual([]);
    }
  });
});
