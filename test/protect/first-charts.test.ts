// In protected publication the first charts drawn at build time come from the protected tables: the same SVG as
// drawn from the real responses, not the synthetic rows (whose intervals are model properties).
import {JSDOM} from "jsdom";
import {beforeAll, describe, expect, test} from "vitest";
import {readFileSync} from "node:fs";
import {surveyMeta} from "../../loaders/pipeline/survey-meta.ts";
import {respondentRecords} from "../../loaders/protect/protected-tables.ts";
import {FIRST_CHARTS, prerenderFirstChart} from "../../src/components/story/first-charts.ts";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";
import {protectedExportData} from "./protected-export-data.ts";

let data: Awaited<ReturnType<typeof protectedExportData>>;
beforeAll(async () => {
  data = await protectedExportData();
});

describe("first charts in protected publication", () => {
  test("drawn from the tables equal those drawn from the real responses", () => {
    const provenance = {publication: "protected", showPrinted: false, source: "export"} as DataProvenance;
    const meta = surveyMeta(data.codebook, JSON.parse(readFileSync("data/published.json", "utf8")), provenance);
    const synthetic = respondentRecords(data.protection.syntheticTables);
    const draw = (id: string, respondents: typeof synthetic, tables?: typeof data.protection.tables) =>
      prerenderFirstChart(id, respondents, meta, {document: new JSDOM("<!doctype html><html><body></body></html>").window.document, tables}).outerHTML;
    for (const id of FIRST_CHARTS) expect(draw(id, synthetic, data.protection.tables), id).toBe(draw(id, data.real));
    // Without the tables, the synthetic rows' intervals differ: the test would notice a first chart drawn from them.
    expect(FIRST_CHARTS.some((id) => draw(id, synthetic) !== draw(id, data.real))).toBe(true);
  });
});
