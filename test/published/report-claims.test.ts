// The report's qualitative statements, each checked on the data (ids match published.json's claims).
import {readFileSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openSurveyDb, type SurveyDb} from "../helpers/survey-db.ts";

const published = JSON.parse(readFileSync(new URL("../../data/published.json", import.meta.url), "utf8"));
const claimIds = new Set(published.claims.map((c: {id: string}) => c.id));
let db: SurveyDb;
beforeAll(async () => (db = await openSurveyDb()));
afterAll(() => db?.close());

/** item -> {n, mean, share per code} over those who answered. */
async function itemStats(): Promise<Map<string, {n: number; mean: number; share: Map<number, number>}>> {
  const rows = await db.rows<{item_id: string; code: number; count: number}>("SELECT item_id, code, CAST(count(*) AS INTEGER) AS count FROM answers GROUP BY ALL");
  const stats = new Map<string, {n: number; mean: number; share: Map<number, number>}>();
  for (const r of rows) {
    const s = stats.get(r.item_id) ?? {n: 0, mean: 0, share: new Map()};
    s.n += r.count;
    s.mean += r.code * r.count;
    s.share.set(r.code, r.count);
    stats.set(r.item_id, s);
  }
  for (const s of stats.values()) {
    s.mean /= s.n;
    for (const [code, count] of s.share) s.share.set(code, count / s.n);
  }
  return stats;
}
const share = (s: {share: Map<number, number>}, ...codes: number[]) => codes.reduce((a, c) => a + (s.share.get(c) ?? 0), 0);
const mode = (s: {share: Map<number, number>}) => [...s.share].sort((a, b) => b[1] - a[1])[0][0];

async function yesShareByClass(item: string): Promise<Record<string, number>> {
  const rows = await db.rows<{size_class: string; yes: number}>(`SELECT size_class, avg(${item}) AS yes FROM respondents WHERE ${item} IS NOT NULL GROUP BY size_class`);
  return Object.fromEntries(rows.map((r) => [r.size_class, r.yes]));
}

describe("the report's statements hold in the reconstruction", () => {
  it("every claim tested here is listed in published.json", () => {
    for (const id of ["uitdaging-meerderheid", "uitdaging-nieuw-sterker", "beschikbaarheid-voldoende-boven-ruim", "infrastructuur-groter-meer", "infrastructuur-budget-gelijk", "kennismanagement-inzetten", "netwerken-bijna-alle", "externe-kennis-modus", "contacten-regio", "behoefte-meerderheid", "behoefte-klein-minder", "inwoners-bijeenkomsten", "inwoners-spreiding", "evaluatie-volgorde", "figuur14-schaal", "overgeslagen-vragen"])
      expect(claimIds.has(id), id).toBe(true);
  });

  it("uitdaging: a large majority sees a bigger challenge, more so for new tasks", async () => {
    const s = await itemStats();
    expect(share(s.get("uit_traditioneel")!, 3, 4)).toBeGreaterThan(0.6);
    expect(share(s.get("uit_nieuw")!, 3, 4)).toBeGreaterThan(share(s.get("uit_traditioneel")!, 3, 4));
  });

  it("beschikbaarheid: Voldoende is chosen more often than Ruim voldoende on every item", async () => {
    const s = await itemStats();
    for (const item of ["bes_behoeften", "bes_samenhang", "bes_effectiviteit", "bes_doorstroom", "bes_agenda", "bes_toegesneden", "bes_integraal", "bes_communiceren"])
      expect(share(s.get(item)!, 2), item).toBeGreaterThan(share(s.get(item)!, 3));
  });

  it("infrastructuur: larger municipalities more often have an official, a desk and a research department", async () => {
    for (const item of ["inf_functionaris", "inf_loket", "inf_afdeling"]) {
      const y = await yesShareByClass(item);
      const small = Math.max(y["<25.000"], y["25.001-50.000"]);
      expect(y["50.001-100.000"], item).toBeGreaterThan(small);
      expect(y[">100.000"], item).toBeGreaterThan(y["50.001-100.000"]);
    }
  });

  it("infrastructuur: no clear difference in research budget", async () => {
    const y = Object.values(await yesShareByClass("inf_budget"));
    expect(Math.max(...y) - Math.min(...y)).toBeLessThan(0.15);
  });

  it("kennismanagement: deploying knowledge rated above recruiting and keeping it up; finding it rated well", async () => {
    const s = await itemStats();
    const m = (id: string) => s.get(id)!.mean;
    expect(m("km_inzetten")).toBeGreaterThan(Math.max(m("km_werven"), m("km_bijhouden")));
    expect(m("km_vinden")).toBeGreaterThan(Math.max(m("km_werven"), m("km_bijhouden")));
  });

  it("netwerken: nearly all facilitate both; external slightly more often", async () => {
    const s = await itemStats();
    expect(share(s.get("net_intern")!, 2, 3, 4)).toBeGreaterThanOrEqual(0.9);
    expect(share(s.get("net_extern")!, 2, 3, 4)).toBeGreaterThanOrEqual(0.9);
    const difference = s.get("net_extern")!.mean - s.get("net_intern")!.mean;
    expect(difference).toBeGreaterThan(0);
    expect(difference).toBeLessThan(0.3);
  });

  it("externe kennis: Vaak is the most frequent answer on the first four items, Soms on the last two", async () => {
    const s = await itemStats();
    for (const item of ["ext_vakliteratuur", "ext_producten", "ext_rapporten", "ext_onderzoek"]) expect(mode(s.get(item)!), item).toBe(3);
    for (const item of ["ext_contacten_ki", "ext_beroep_ki"]) expect(mode(s.get(item)!), item).toBe(2);
  });

  it("externe contacten: regional contacts are used most", async () => {
    const s = await itemStats();
    expect(s.get("con_regio")!.mean).toBeGreaterThan(Math.max(s.get("con_vergelijkbaar")!.mean, s.get("con_groot")!.mean));
  });

  it("behoefte: a large majority needs exchange points and regional exchange; less for an intermediary", async () => {
    const s = await itemStats();
    const need = (id: string) => share(s.get(id)!, 2, 3);
    expect(need("beh_schakelpunt")).toBeGreaterThanOrEqual(0.7);
    expect(need("beh_regionaal")).toBeGreaterThanOrEqual(0.7);
    expect(need("beh_intermediair")).toBeLessThan(Math.min(need("beh_schakelpunt"), need("beh_regionaal")));
  });

  it("behoefte: small municipalities feel less need for a regional exchange point", async () => {
    const rows = await db.rows<{size_class: string; m: number}>("SELECT size_class, avg(beh_schakelpunt) AS m FROM respondents GROUP BY size_class");
    const m = Object.fromEntries(rows.map((r) => [r.size_class, r.m]));
    for (const other of ["25.001-50.000", "50.001-100.000", ">100.000"]) expect(m["<25.000"]).toBeLessThan(m[other]);
  });

  it("inwoners: information meetings most common, research with residents least; polling above involving", async () => {
    const s = await itemStats();
    const peilen = ["inw_meningen", "inw_plannen", "inw_bijeenkomsten"].map((id) => s.get(id)!.mean);
    const betrekken = ["inw_praktijkkennis", "inw_vakkennis", "inw_onderzoek"].map((id) => s.get(id)!.mean);
    expect(s.get("inw_bijeenkomsten")!.mean).toBe(Math.max(...peilen, ...betrekken));
    expect(s.get("inw_onderzoek")!.mean).toBe(Math.min(...peilen, ...betrekken));
    expect(Math.min(...peilen)).toBeGreaterThan(Math.max(...betrekken));
  });

  it("inwoners: involving residents spreads more than polling them", async () => {
    const [{sp, sb}] = await db.rows<{sp: number; sb: number}>("SELECT stddev(inwoners_peilen) AS sp, stddev(inwoners_betrekken) AS sb FROM respondents");
    expect(sb).toBeGreaterThan(sp);
  });

  it("evaluatie: lessons, council and periodic evaluation on top; learning and protocols below them", async () => {
    const s = await itemStats();
    const m = (id: string) => s.get(id)!.mean;
    const ranked = [...s.keys()].filter((id) => id.startsWith("eva_")).sort((a, b) => m(b) - m(a));
    expect(new Set(ranked.slice(0, 3))).toEqual(new Set(["eva_lessen", "eva_raad", "eva_periodiek"]));
    const floor = Math.min(m("eva_lessen"), m("eva_raad"), m("eva_periodiek"));
    expect(m("eva_lerend")).toBeLessThan(floor);
    expect(m("eva_protocollen")).toBeLessThan(floor);
  });

  it("Figuur 14: no polling answer category above 45%", async () => {
    const s = await itemStats();
    for (const id of ["inw_meningen", "inw_plannen", "inw_bijeenkomsten"]) for (const value of s.get(id)!.share.values()) expect(value).toBeLessThanOrEqual(0.45);
  });

  it("some questions were skipped by more than one in five", async () => {
    const s = await itemStats();
    expect(Math.min(...[...s.values()].map((x) => x.n))).toBeLessThan(107 * 0.8);
  });
});
