import {describe, expect, test} from "vitest";
import {queryDataOrigin, SYNTHETIC_PHRASE} from "../../../src/components/survey/provenance.ts";
import {own, reconstructed} from "./provenance-records.ts";

describe("queryDataOrigin: what the rows of the SQL workbench and the notebook are", () => {
  test("the reconstruction says it is not the real answers", () => {
    expect(queryDataOrigin(reconstructed)).toMatch(/^de gereconstrueerde antwoorden van 107 gemeenten, .*niet de echte antwoorden/);
  });
  test("an export in open publication names the file and the day it was read, never 'gereconstrueerd'", () => {
    const text = queryDataOrigin(own);
    expect(text).toContain("gemeenten.sav");
    expect(text).toContain("2026-12-01");
    expect(text).not.toMatch(/gereconstrueerd|107/);
  });
  test("protected publication says the rows are synthetic, whatever the source", () => {
    for (const p of [own, reconstructed]) expect(queryDataOrigin({...p, publication: "protected"})).toMatch(new RegExp(`^${SYNTHETIC_PHRASE} van .*geen rij is een echte gemeente`));
  });
});
