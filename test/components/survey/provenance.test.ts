import {describe, expect, test} from "vitest";
import {dataNotice, queryDataOrigin, SYNTHETIC_PHRASE} from "../../../src/components/survey/provenance.ts";
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
  test("protected publication says where the synthetic rows split a size class by role that the story shows only whole", () => {
    const text = queryDataOrigin({...own, publication: "protected", syntheticRoleSplits: ["50.001-100.000"]});
    expect(text).toContain("Het verhaal toont gemeenten met 50.001-100.000 inwoners niet bij elke vraag per functie");
    expect(text).toContain("modeluitkomsten, geen gepubliceerde cijfers");
    expect(queryDataOrigin({...own, publication: "protected"})).not.toContain("per functie");
  });
});

describe("dataNotice: a size class of 1-4 in protected publication", () => {
  test("is counted nowhere and said to have fewer than 5", () => {
    const p = {...own, publication: "protected" as const, hiddenSizeClasses: [">100.000"]};
    expect(dataNotice(p, "tables")).toContain("uit gemeenten.sav en van minder dan 5 gemeenten met >100.000 inwoners, die nergens worden getoond of meegeteld");
    expect(dataNotice({...p, hiddenSizeClasses: ["<25.000", ">100.000"]}, "microdata")).toContain("minder dan 5 gemeenten in elk van de klassen <25.000 en >100.000");
  });
});
