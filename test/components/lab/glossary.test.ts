// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {glossary} from "../../../src/components/lab/glossary.ts";

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
