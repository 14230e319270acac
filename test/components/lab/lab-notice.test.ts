// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {labNotice} from "../../../src/components/lab/lab-notice.ts";
import {glossary} from "../../../src/components/lab/glossary.ts";
import type {DataProvenance} from "../../../src/components/survey/provenance.ts";

const reconstructed: DataProvenance = {
  source: "reconstructed", fileName: "responses.csv", checksum: "x", readOn: "2026-12-01", respondents: 107,
  sizeClassCounts: {}, roleCounts: {}, publication: "open", showPrinted: true, kAnonymityOverride: null, note_nl: "", note_en: ""
};
const own: DataProvenance = {...reconstructed, source: "export", fileName: "gemeenten.sav", respondents: 100, showPrinted: false};

describe("labNotice", () => {
  test("the reconstruction says so, with its count", () => {
    const p = labNotice(reconstructed);
    expect(p.tagName).toBe("P");
    expect(p.textContent).toContain("gereconstrueerde antwoorden van 107 gemeenten");
    expect(p.dataset.source).toBe("reconstructed");
  });
  test("a publisher's export never says reconstructed nor another data set's count", () => {
    const text = labNotice(own).textContent!;
    expect(text).toContain("100 gemeenten uit gemeenten.sav");
    expect(text).not.toMatch(/gereconstrueerd|107/);
  });
  test("an extra sentence or element is appended after a space", () => {
    const link = document.createElement("a");
    link.textContent = "Meer";
    const p = labNotice(reconstructed, {more: link});
    expect(p.lastChild).toBe(link);
    expect(p.textContent).toMatch(/\. Meer$/);
  });
});

describe("glossary", () => {
  test("one term, English term and explanation per entry; the English term is marked as English", () => {
    const dl = glossary([["Gewicht", "weight", "Aantal gemeenten waarvoor een respondent staat."], ["Respons", "response rate", "Deel dat antwoordde."]]);
    expect([...dl.querySelectorAll("dt")].map((dt) => dt.textContent)).toEqual(["Gewicht (weight)", "Respons (response rate)"]);
    expect([...dl.querySelectorAll("dd")].map((dd) => dd.textContent)).toEqual(["Aantal gemeenten waarvoor een respondent staat.", "Deel dat antwoordde."]);
    expect(dl.querySelector("dt span")!.getAttribute("lang")).toBe("en");
    // a <dl> holds only <dt> and <dd> (axe: definition-list)
    expect([...dl.children].map((c) => c.tagName)).toEqual(["DT", "DD", "DT", "DD"]);
  });
  test("text is text, not markup", () => {
    const dl = glossary([["<b>x</b>", "<i>y</i>", "<script>z</script>"]]);
    expect(dl.querySelector("b, i, script")).toBeNull();
    expect(dl.querySelector("dd")!.textContent).toBe("<script>z</script>");
  });
});
