import {describe, expect, it} from "vitest";
import {expandFigureRange} from "../../loaders/pipeline/survey-meta.ts";
import {siteData} from "../../loaders/pipeline/site-data.ts";
import {itemsOfFigure, optionsOf} from "../../src/components/survey/survey-meta.ts";
import {dataNotice} from "../../src/components/survey/provenance.ts";

describe("survey metadata from the codebook", () => {
  it("expands a figure range to one figure per number", () => {
    expect(expandFigureRange("Figuur 10-13")).toEqual(["Figuur 10", "Figuur 11", "Figuur 12", "Figuur 13"]);
    expect(expandFigureRange("Figuur 3")).toEqual(["Figuur 3"]);
  });

  it("carries every item with its short label, and the figure-to-item lists", async () => {
    const {meta} = await siteData();
    expect(meta.items).toHaveLength(47);
    for (const item of meta.items) expect(item.shortLabel.length).toBeGreaterThan(0);
    expect(itemsOfFigure(meta, "Figuur 11")).toEqual(["beh_schakelpunt", "beh_regionaal", "beh_elders", "beh_intermediair"]);
    expect(optionsOf(meta, "inf_loket").map((o) => o.label)).toEqual(["Nee", "Ja"]);
    expect(() => itemsOfFigure(meta, "Figuur 99")).toThrow(/invalid figure/);
    expect(meta.scales.find((s) => s.id === "beschikbaarheid")!.items).toHaveLength(8);
    expect(meta.population.sizeClassCounts).toEqual({"<25.000": 123, "25.001-50.000": 141, "50.001-100.000": 56, ">100.000": 32});
  });

  it("records where the data come from and counts them", async () => {
    const {provenance} = await siteData();
    expect(provenance.source).toBe("reconstructed");
    expect(provenance.respondents).toBe(107);
    expect(provenance.sizeClassCounts).toEqual({"<25.000": 29, "25.001-50.000": 42, "50.001-100.000": 15, ">100.000": 21});
    expect(provenance.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(provenance.showPrinted).toBe(true);
    expect(dataNotice(provenance)).toContain("gereconstrueerde antwoorden van 107 gemeenten");
    expect(dataNotice({...provenance, source: "export", fileName: "eigen.sav", respondents: 100})).not.toMatch(/gereconstrueerd/);
    expect(provenance.kAnonymityOverride).toBeNull();
    expect(dataNotice(provenance)).not.toMatch(/minder dan vijf/);
  });

  it("states a publisher's k-anonymity override on every page that shows data", async () => {
    const {provenance} = await siteData();
    const notice = dataNotice({...provenance, source: "export", fileName: "eigen.sav", kAnonymityOverride: "toestemming van de gemeenten"});
    expect(notice).toContain("minder dan vijf respondenten");
    expect(notice).toContain("„toestemming van de gemeenten\"");
  });
});
