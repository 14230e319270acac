// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {dataNoticeBlock} from "../../../src/components/survey/data-notice.ts";
import {own, reconstructed} from "./provenance-records.ts";

describe("dataNoticeBlock", () => {
  test("the reconstruction says so, with its count", () => {
    const p = dataNoticeBlock(reconstructed);
    expect(p.tagName).toBe("P");
    expect(p.textContent).toContain("gereconstrueerde antwoorden van 107 gemeenten");
    expect(p.dataset.source).toBe("reconstructed");
  });
  test("a publisher's export never says reconstructed nor another data set's count", () => {
    const text = dataNoticeBlock(own).textContent!;
    expect(text).toContain("100 gemeenten uit gemeenten.sav");
    expect(text).not.toMatch(/gereconstrueerd|107/);
  });
  test("an extra sentence or element is appended after a space", () => {
    const link = document.createElement("a");
    link.textContent = "Meer";
    const p = dataNoticeBlock(reconstructed, {more: link});
    expect(p.lastChild).toBe(link);
    expect(p.textContent).toMatch(/\. Meer$/);
  });
});
