// Protected publication of an export in which one size class has 3 respondents: the class is hidden in every table,
// its synthetic rows are 5 whatever its count (their number and their weights N_h / n_h would give it), and neither
// the provenance record nor any total counts it, so its count cannot be derived; every shown number still follows
// exactly from the synthetic responses.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {exportTables} from "../../loaders/pipeline/ingest.ts";
import {readSiteData, type SiteData} from "../../loaders/pipeline/site-data.ts";
import {compareTables} from "../../loaders/protect/disclosure.ts";
import {protectedTables, respondentRecords} from "../../loaders/protect/protected-tables.ts";
import {dataNotice, queryDataOrigin} from "../../src/components/survey/provenance.ts";
import {MIN_GROUP_SIZE} from "../../src/components/stats/suppression.ts";
import {TOTAL} from "../../src/components/story/model.ts";
import {writeOwnExport} from "../site/own-export.ts";

const SMALL_CLASS = "50.001-100.000";
const KEPT = 3;

/** The own export with only the first three respondents of SMALL_CLASS. */
function writeSmallClassExport(path: string): void {
  const [header, ...rows] = writeOwnExport(path).trimEnd().split("\r\n");
  let kept = 0;
  const text = [header, ...rows.filter((row) => !row.includes(`;${SMALL_CLASS};`) || kept++ < KEPT)].join("\r\n") + "\r\n";
  writeFileSync(path, Buffer.from(text, "latin1"));
}

const codebook = loadCodebook();
let site: SiteData;
let realCount: number;
beforeAll(async () => {
  const exportFile = join(mkdtempSync(join(tmpdir(), "kv-small-class-")), "kleine-klasse-export.csv");
  writeSmallClassExport(exportFile);
  const real = respondentRecords((await exportTables(exportFile, {codebook, k: 1})).tables);
  expect(real.filter((r) => r.size_class === SMALL_CLASS)).toHaveLength(KEPT);
  realCount = real.length;
  site = await readSiteData({exportFile, publication: "protected"});
});

describe("a size class of 3 in protected publication", () => {
  test("the provenance counts it nowhere and says 'minder dan 5'", () => {
    const {provenance} = site;
    expect(provenance.hiddenSizeClasses).toEqual([SMALL_CLASS]);
    expect(Object.keys(provenance.sizeClassCounts)).not.toContain(SMALL_CLASS);
    expect(provenance.respondents).toBe(realCount - KEPT);
    expect(provenance.respondents).toBe(Object.values(provenance.sizeClassCounts).reduce((a, b) => a + b, 0));
    expect(provenance.roleCounts).toEqual({});
    expect(dataNotice(provenance, "tables")).toContain(`minder dan 5 gemeenten met ${SMALL_CLASS} inwoners`);
    expect(JSON.stringify(site.meta)).not.toContain(`"respondents":${realCount}`);
  });

  test("the synthetic responses give it 5 rows whatever its count, so neither their number nor a weight tells it", () => {
    const synthetic = respondentRecords(site.tables);
    const own = synthetic.filter((r) => r.size_class === SMALL_CLASS);
    expect(own).toHaveLength(MIN_GROUP_SIZE);
    expect(synthetic).toHaveLength(realCount - KEPT + MIN_GROUP_SIZE);
    // the downloads page states the files' rows from the provenance record
    expect(site.provenance.rows).toBe(synthetic.length);
    const population = codebook.population.size_class_counts[SMALL_CLASS];
    expect(synthetic.some((r) => Math.abs(r.weight - population / KEPT) < 1e-9)).toBe(false);
    // Rows a page can compute with (the lab's weighting and simulations): they answer like the shown classes.
    expect(own.every((r) => codebook.items.some((i) => r[i.id as keyof typeof r] != null))).toBe(true);
    expect(queryDataOrigin(site.provenance)).toContain(`Voor gemeenten met ${SMALL_CLASS} inwoners bevatten de synthetische antwoorden ${MIN_GROUP_SIZE} rijen`);
  });

  test("the tables hide it, and every total that includes it", () => {
    const tables = site.protection!.tables;
    const all = tables.sizeClasses.map(() => "1").join("");
    for (const item of codebook.items.map((i) => i.id)) {
      expect(tables.distributions[item].alle.u[SMALL_CLASS].n, item).toBeNull();
      expect(tables.distributions[item].alle.u[`${TOTAL}|${all}`].n, item).toBeNull();
    }
    expect(Object.values(tables.cells[SMALL_CLASS])).toEqual([null, null]);
  });

  test("every shown number follows exactly from the synthetic responses", () => {
    const {checked, mismatches} = compareTables(site.protection!.tables, protectedTables({respondents: respondentRecords(site.tables), codebook}));
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(5_000);
    expect(site.protection!.disclosure.synthetic.mismatches).toEqual([]);
  });
});
