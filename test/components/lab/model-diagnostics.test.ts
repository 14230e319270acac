// The Dutch model check on the cases that must not pass as settled (R psych's numbers in
// test/fixtures/r/factor-diagnostics.json): Heywood cases, non-convergence, no degrees of freedom.
import {describe, it, expect} from "vitest";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {fitFactorModels, rotateSolution, extract} from "../../../src/components/lab/factor-model.ts";
import {diagnoseModel} from "../../../src/components/lab/model-diagnostics.ts";

const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../fixtures/r/factor-diagnostics.json"), "utf8"));
const caseOf = (id: string) => fixture.blocks.find((b: any) => b.case.id === id).case;
const external = caseOf("externe_kennis_contacten");
const networks = caseOf("netwerken");
const residents = caseOf("inwoners");
const labels = (c: any) => c.items as string[];

describe("diagnoseModel", () => {
  it("externe kennis + contacten, the page's principal axis with two factors and varimax: Heywood case 1,13, loading 1,05, not converged after 1.000", () => {
    const {common} = fitFactorModels(external.r, {factors: 2, method: "pa", rotation: "varimax"});
    const d = diagnoseModel(common, labels(external));
    expect(d.status).toBe("warning");
    const text = d.problems.join(" ");
    expect(text).toContain("na 1.000 iteraties gestopt zonder te convergeren");
    expect(text).toMatch(/Heywood-geval: een communaliteit boven 1 .* \(1,13\)/);
    expect(text).toMatch(/Lading groter dan 1 bij .* \(1,05\)/);
    expect(d.advice).toContain("kies minder factoren");
    expect(d.advice).toContain("minres");
    expect(d.summary).toContain("Geïdentificeerd (19 vrijheidsgraden)");
  });
  it("three factors of the same block: communality 2,56", () => {
    const {common} = fitFactorModels(external.r, {factors: 3, method: "pa", rotation: "varimax"});
    expect(diagnoseModel(common, labels(external)).problems.join(" ")).toContain("(2,56)");
  });
  it("minres of that block: the communality at the bound of 0,995 is called a Heywood case in disguise", () => {
    const {common} = fitFactorModels(external.r, {factors: 2, method: "minres", rotation: "varimax"});
    const d = diagnoseModel(common, labels(external));
    expect(d.status).toBe("warning");
    expect(d.problems.join(" ")).toContain("tegen de grens van 0,995");
  });
  it("six items with three factors: not identified (0 degrees of freedom), advice names at most 2", () => {
    const {common} = fitFactorModels(networks.r, {factors: 3, method: "pa", rotation: "varimax"});
    const d = diagnoseModel(common, labels(networks));
    expect(d.status).toBe("invalid");
    expect(d.problems[0]).toContain("heeft het model 0 vrijheidsgraden");
    expect(d.problems[0]).toContain("niet geïdentificeerd");
    expect(d.advice).toContain("hoogstens 2");
  });
  it("inwoners, three factors, minres: stopped after 10.000 iterations", () => {
    const {common} = fitFactorModels(residents.r, {factors: 3, method: "minres", rotation: "oblimin"});
    expect(diagnoseModel(common, labels(residents)).problems.join(" ")).toContain("na 10.000 iteraties gestopt zonder te convergeren");
  });
  it("a sound model says so, with its degrees of freedom and iterations", () => {
    const {common, pca} = fitFactorModels(networks.r, {factors: 1, method: "pa", rotation: "varimax"});
    const d = diagnoseModel(common, labels(networks));
    expect(d).toEqual({status: "ok", summary: "Geïdentificeerd (9 vrijheidsgraden); de schatting convergeerde na 34 iteraties; geen Heywood-gevallen.", problems: [], advice: null});
    expect(diagnoseModel(pca, labels(networks)).status).toBe("ok");
  });
  it("an unconverged rotation is reported", () => {
    const s = rotateSolution(extract(networks.r, 2, "pa"), "oblimin");
    const d = diagnoseModel({...s, rotationConverged: false, rotationIterations: 1000}, labels(networks));
    expect(d.problems.join(" ")).toContain("De rotatie (oblimin) is na 1.000 iteraties gestopt zonder te convergeren");
  });
});
