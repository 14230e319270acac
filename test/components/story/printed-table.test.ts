// @vitest-environment jsdom
// The live Tables 1-5 as DOM: one cell per column (no wrapper elements inside rows), the printed value beside the
// recomputed one, hidden groups without a number, unselected size classes said so.
import {describe, expect, test} from "vitest";
import {printedVersusRecomputed, recomputedTable, updateRecomputed} from "../../../src/components/story/printed-table.ts";
import {TOTAL, type MeanRow} from "../../../src/components/story/model.ts";
import {SUPPRESSED_TEXT} from "../../../src/components/stats/suppression.ts";
import type {PublishedTable} from "../../../src/components/survey/survey-meta.ts";
import published from "../../../data/published.json" with {type: "json"};

const sizeClasses = ["<25.000", "25.001-50.000", "50.001-100.000", ">100.000"];
const tables = published.tables.filter((t) => t.id === "Tabel 5") as PublishedTable[];
const row = (group: string, mean: number | null, n: number | null): MeanRow => ({group, n, mean, se: 0.1, low: mean, high: mean, suppressed: mean == null});
const filter = {sizes: sizeClasses.slice(0, 3), role: "gemeentesecretaris", weighted: false};
const rows = [row("<25.000", 3.1, 9), row("25.001-50.000", 3.3, 12), row("50.001-100.000", null, null), row(TOTAL, null, null)];
const columns = tables.map((table) => ({table, rows}));

describe("printedVersusRecomputed", () => {
  test("every row has its th and two cells per column; the second header row has two th per column", () => {
    const node = printedVersusRecomputed(columns, published.slips.filter((s) => s.table === "Tabel 5") as any, {caption: "Tabel 5", sizeClasses, filter});
    const table = node.querySelector("table")!;
    expect(table.querySelectorAll("tr span, tr div")).toHaveLength(0);
    expect([...table.tHead!.rows[1].children].map((c) => c.tagName)).toEqual(["TH", "TH", "TH", "TH"]);
    for (const tr of table.tBodies[0].rows) expect([...tr.children].map((c) => c.tagName)).toEqual(["TH", "TD", "TD", "TD", "TD"]);
    const cell = (group: string) => [...table.querySelectorAll(`tr[data-group="${group}"] td.recomputed`)].map((td) => td.textContent);
    expect(cell("<25.000")).toEqual(["3,10 (9)", "3,10 (9)"]);
    expect(cell("50.001-100.000")).toEqual([SUPPRESSED_TEXT, SUPPRESSED_TEXT]);
    expect(cell(TOTAL)).toEqual([SUPPRESSED_TEXT, SUPPRESSED_TEXT]);
    expect(cell(">100.000")).toEqual(["niet geselecteerd", "niet geselecteerd"]);
    expect(table.querySelector("td.printed")!.textContent).toBe(`${tables[0].rows[0].mean.toFixed(2).replace(".", ",")} (${tables[0].rows[0].n})`);
    // Each slip of the table is a footnote, linked from its cell.
    const notes = [...node.querySelectorAll("ol.story-slips li")];
    expect(notes.length).toBeGreaterThan(0);
    for (const a of node.querySelectorAll("td.printed sup a")) expect(node.querySelector(a.getAttribute("href")!)).not.toBeNull();
  });
});

describe("recomputedTable (a site whose data are not the reconstruction shows no printed numbers)", () => {
  test("one cell per scale, no printed column", () => {
    const table = recomputedTable(columns, {caption: "Tabel 5", sizeClasses, filter}).querySelector("table")!;
    expect(table.querySelectorAll("td.printed")).toHaveLength(0);
    for (const tr of table.tBodies[0].rows) expect([...tr.children].map((c) => c.tagName)).toEqual(["TH", "TD", "TD"]);
  });
});

describe("updateRecomputed (a filter change rewrites the recomputed cells in place)", () => {
  const everyone = {sizes: sizeClasses, role: "alle", weighted: false};
  // The report's own numbers: every recomputed cell agrees with the printed one.
  const printedRows = (t: PublishedTable) => [...t.rows.map((r) => row(r.size_class, r.mean, r.n_consistent ?? r.n)), row(TOTAL, t.total.mean, t.total.n_consistent ?? t.total.n)];
  const asText = (node: Element) => [...node.querySelectorAll("td")].map((td) => `${td.className}:${td.textContent}`);

  test("gives the cells a table built for the new filter has, with the printed ones untouched", () => {
    const slips = published.slips.filter((s) => s.table === "Tabel 5") as any;
    const node = printedVersusRecomputed(columns, slips, {caption: "Tabel 5", sizeClasses, filter});
    const agreeing = tables.map((table) => ({table, rows: printedRows(table)}));
    const cells = node.querySelectorAll("td");
    updateRecomputed(node, agreeing, everyone);
    expect(asText(node)).toEqual(asText(printedVersusRecomputed(agreeing, slips, {caption: "Tabel 5", sizeClasses, filter: everyone})));
    expect(node.querySelectorAll("td.recomputed.same").length).toBeGreaterThan(0);
    // the same cells, not new ones
    expect([...node.querySelectorAll("td")]).toEqual([...cells]);
  });

  test("works on the table without printed numbers, back to hidden groups", () => {
    const node = recomputedTable(tables.map((table) => ({table, rows: printedRows(table)})), {caption: "Tabel 5", sizeClasses, filter: everyone});
    updateRecomputed(node, columns, filter);
    expect(asText(node)).toEqual(asText(recomputedTable(columns, {caption: "Tabel 5", sizeClasses, filter})));
    expect(node.querySelectorAll("td.same")).toHaveLength(0);
  });
});
