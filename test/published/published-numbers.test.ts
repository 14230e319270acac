// Every number the report prints, recomputed with DuckDB from the pipeline's Parquet output of the
// committed export, must round to the printed value at the printed precision.
import {readFileSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {roundsTo} from "../../loaders/published/rounds-to.ts";
import {openSurveyDb, type SurveyDb} from "../helpers/survey-db.ts";

const published = JSON.parse(readFileSync(new URL("../../data/published.json", import.meta.url), "utf8"));
let db: SurveyDb;
beforeAll(async () => (db = await openSurveyDb()));
afterAll(() => db?.close());

/** Sum of item codes (an integer) and n over respondents whose scale score is defined. */
async function scaleSum(scale: string, sizeClass?: string): Promise<{sum: number; n: number}> {
  const items = await db.rows<{item_id: string}>(`SELECT item_id FROM items WHERE scale = '${scale}' ORDER BY item_order`);
  const where = `${scale} IS NOT NULL${sizeClass ? ` AND size_class = '${sizeClass}'` : ""}`;
  const [row] = await db.rows<{sum: number; n: number}>(
    `SELECT CAST(coalesce(sum(${items.map((i) => i.item_id).join(" + ")}), 0) AS INTEGER) AS sum, CAST(count(*) AS INTEGER) AS n FROM respondents WHERE ${where}`
  );
  return row;
}

describe("sample composition", () => {
  it("has 107 respondents of 352 invited", async () => {
    const [{n}] = await db.rows<{n: number}>("SELECT CAST(count(*) AS INTEGER) AS n FROM respondents");
    expect(n).toBe(published.sample.respondents);
  });
  it("has the printed roles", async () => {
    const rows = await db.rows<{role: string; n: number}>("SELECT role, CAST(count(*) AS INTEGER) AS n FROM respondents GROUP BY role");
    expect(Object.fromEntries(rows.map((r) => [r.role, r.n]))).toEqual(published.sample.role);
  });
  for (const row of published.sample.size_class)
    it(`size class ${row.size_class}: ${row.n} respondents, ${row.pct_respondents}% of respondents`, async () => {
      const [{n}] = await db.rows<{n: number}>(`SELECT CAST(count(*) AS INTEGER) AS n FROM respondents WHERE size_class = '${row.size_class}'`);
      expect(n).toBe(row.n);
      expect(roundsTo(n * 100, published.sample.respondents, row.pct_respondents, 1)).toBe(true);
    });
  it("weights add up to the population share of each size class", async () => {
    const rows = await db.rows<{size_class: string; w: number}>("SELECT size_class, sum(weight) AS w FROM respondents GROUP BY size_class");
    for (const {size_class, w} of rows) {
      const share = published.sample.size_class.find((s: {size_class: string}) => s.size_class === size_class).pct_population;
      expect(roundsTo(Math.round(w) * 100, published.sample.invited, share, 1), `${size_class}: ${w} of 352`).toBe(true);
    }
  });
});

for (const table of published.tables)
  describe(`${table.id}${table.column ? ` (${table.column})` : ""}: ${table.title_nl}`, () => {
    for (const row of table.rows)
      it(`${row.size_class}: ${String(row.mean).replace(".", ",")} (${row.n_consistent ?? row.n})`, async () => {
        const {sum, n} = await scaleSum(table.scale, row.size_class);
        expect(n).toBe(row.n_consistent ?? row.n);
        expect(roundsTo(sum, n * table.items, row.mean), `${sum}/${n * table.items} = ${sum / (n * table.items)}`).toBe(true);
      });
    it(`total: ${String(table.total.mean).replace(".", ",")} (${table.total.n_consistent ?? table.total.n})`, async () => {
      const {sum, n} = await scaleSum(table.scale);
      expect(n).toBe(table.total.n_consistent ?? table.total.n);
      expect(roundsTo(sum, n * table.items, table.total.mean), `${sum}/${n * table.items}`).toBe(true);
    });
  });

describe("means quoted in the text", () => {
  for (const quoted of published.text_means)
    it(`${quoted.scale}: ${quoted.mean}`, async () => {
      const {sum, n} = await scaleSum(quoted.scale);
      if (quoted.n) expect(n).toBe(quoted.n);
      const items = published.tables.find((t: {scale: string}) => t.scale === quoted.scale).items;
      expect(roundsTo(sum, n * items, quoted.mean)).toBe(true);
    });
});

describe("percentages quoted in the text (of those who answered the item)", () => {
  for (const p of published.percentages)
    it(`${p.item} ${p.label}: ${p.pct}%`, async () => {
      const [{count, n}] = await db.rows<{count: number; n: number}>(
        `SELECT CAST(count(*) FILTER (WHERE code = ${p.code}) AS INTEGER) AS count, CAST(count(*) AS INTEGER) AS n FROM answers WHERE item_id = '${p.item}'`
      );
      expect(roundsTo(count * 100, n, p.pct, 0), `${count}/${n}`).toBe(true);
    });
});

describe("the report's slips are recorded, not fixed silently", () => {
  it("Table 2's total n prints 21 but the rows add up to 107", () => {
    const t2 = published.tables.find((t: {id: string}) => t.id === "Tabel 2");
    expect(t2.total.n).toBe(21);
    expect(t2.rows.reduce((a: number, r: {n: number}) => a + r.n, 0)).toBe(t2.total.n_consistent);
  });
  it("every slip referenced by a table is explained", () => {
    const ids = new Set(published.slips.map((s: {id: string}) => s.id));
    const referenced = published.tables.flatMap((t: any) => [t.total, ...t.rows]).filter((r: any) => r.slip).map((r: any) => r.slip);
    for (const id of referenced) expect(ids.has(id), id).toBe(true);
    expect(ids.has("tabel5-genoemd-als-tabel-10-en-11")).toBe(true);
  });
});
