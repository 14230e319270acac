// The synthetic responses of protected publication: calibrated to the protected tables, they give every unsuppressed
// number of them exactly; no synthetic row is a real record; no group under 5 appears in them.
import {beforeAll, describe, expect, test} from "vitest";
import {compareTables, itemRows} from "../../loaders/protect/disclosure.ts";
import {protectedTables, respondentRecords} from "../../loaders/protect/protected-tables.ts";
import {synthesise} from "../../loaders/protect/synthesise.ts";
import {MIN_GROUP_SIZE} from "../../src/components/stats/suppression.ts";
import {protectedExportData} from "./protected-export-data.ts";

let data: Awaited<ReturnType<typeof protectedExportData>>;
beforeAll(async () => {
  data = await protectedExportData();
});

describe("synthetic responses calibrated to the protected tables", () => {
  test("reproduce every unsuppressed count, share, n, mean and standard error of the tables", () => {
    const synthetic = respondentRecords(data.protection.syntheticTables);
    const {checked, mismatches} = compareTables(data.protection.tables, protectedTables({respondents: synthetic, codebook: data.codebook}));
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
    expect(data.protection.disclosure.synthetic.mismatches).toEqual([]);
  });

  test("no synthetic row equals a real record on all items", () => {
    const real = new Set(itemRows(data.real, data.codebook).map((r) => JSON.stringify(r)));
    const synthetic = itemRows(respondentRecords(data.protection.syntheticTables), data.codebook);
    expect(synthetic).toHaveLength(data.real.length);
    expect(synthetic.filter((r) => real.has(JSON.stringify(r)))).toEqual([]);
    expect(data.protection.disclosure.synthetic.identical).toBe(0);
  });

  test("every size class x role group has at least 5 synthetic respondents, and the size classes keep their counts", () => {
    const synthetic = respondentRecords(data.protection.syntheticTables);
    const groups = new Map<string, number>();
    for (const r of synthetic) groups.set(`${r.size_class} ${r.role}`, (groups.get(`${r.size_class} ${r.role}`) ?? 0) + 1);
    expect([...groups.values()].every((n) => n >= MIN_GROUP_SIZE)).toBe(true);
    for (const s of data.protection.tables.sizeClasses) expect(synthetic.filter((r) => r.size_class === s).length).toBe(data.real.filter((r) => r.size_class === s).length);
  });

  test("name the size classes whose split by role they make where the story shows none (whole, or for some questions)", () => {
    // 50.001-100.000 has a role of 4; in >100.000 the secretaries gave fewer than 5 answers to some questions.
    expect(data.protection.syntheticRoleSplits).toEqual(["50.001-100.000", ">100.000"]);
    expect(data.protection.hiddenSizeClasses).toEqual([]);
  });

  test("are calibrated to the tables only: the same tables give the same synthetic responses", () => {
    const counts = Object.fromEntries(data.protection.tables.sizeClasses.map((s) => [s, data.real.filter((r) => r.size_class === s).length]));
    const again = synthesise({tables: structuredClone(data.protection.tables), codebook: data.codebook, sizeClassCounts: counts});
    expect(again.responses).toEqual(data.protection.synthetic);
  });

  test("disclosure report: the suppressed cells and why, and closeness against the holdout baseline", () => {
    const {suppressed, synthetic} = data.protection.disclosure;
    expect(suppressed.some((c) => c.reason === "primair" && c.sizeClass === "50.001-100.000" && c.role === "gemeentesecretaris")).toBe(true);
    expect(suppressed.some((c) => c.reason === "secundair" && c.sizeClass === "50.001-100.000" && c.role === "andere functie")).toBe(true);
    expect(synthetic.medianDistance).toBeGreaterThan(0);
    expect(synthetic.holdoutMedianDistance).toBeGreaterThan(0);
    expect(JSON.stringify(data.protection.disclosure)).not.toMatch(/respondent_id|EAS-/);
  });
});

describe("synthetic responses for any target tables", () => {
  test("calibrated to the reconstruction's tables, they reproduce every shown number of those too", async () => {
    const {exportTables} = await import("../../loaders/pipeline/ingest.ts");
    const {reconstructedExport} = await import("../../loaders/pipeline/site-source.ts");
    const {protectData} = await import("../../loaders/protect/protect-data.ts");
    const {tables} = await exportTables(reconstructedExport, {codebook: data.codebook});
    const real = respondentRecords(tables);
    const counts = Object.fromEntries(data.protection.tables.sizeClasses.map((s) => [s, real.filter((r) => r.size_class === s).length]));
    const protection = protectData({tables, codebook: data.codebook, sizeClassCounts: counts});
    expect(protection.disclosure.synthetic.mismatches).toEqual([]);
    expect(protection.disclosure.synthetic.identical).toBe(0);
  });
});
