// The library against R on the project's own (reconstructed) responses: weights, scale means with intervals,
// reliability and the factor analyses the lab pages show. Skipped until scripts/r/reference.R has written
// test/fixtures/r/project.json from data/raw/responses.csv.
import {describe, it, expect} from "vitest";
import {existsSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {parse} from "csv-parse/sync";
import {
  postStratificationWeights, kishEffectiveN, kishDesignEffect, stratifiedMeanInterval, domainMeanInterval, weightedMean, mean,
  cronbachAlpha, completeRows, omegaTotal, pearsonCorrelation, kmo, bartlettSphericity, principalComponents, principalAxis,
  minres, varimaxCanonical, obliminCanonical
} from "../../src/components/stats/index.js";
import {hasFixture, loadFixture, expectClose} from "./fixtures.ts";

const present = hasFixture("project.json");
const project = present ? loadFixture("project.json") : null;

describe.skipIf(!present)("project data (test/fixtures/r/project.json)", () => {
  const col = (id: string) => project.columns.indexOf(id);
  const scaleScores = (items: string[]): (number | null)[] =>
    project.data.map((row: (number | null)[]) => {
      const values = items.map((id) => row[col(id)]);
      return values.every((v) => v !== null) ? (values as number[]).reduce((a, b) => a + b, 0) / values.length : null;
    });

  it("the fixture was made from the current data/raw/responses.csv (else rerun scripts/r/reference.R)", () => {
    const csvPath = resolve(import.meta.dirname, "../../data/raw/responses.csv");
    if (!existsSync(csvPath)) return;
    const rows: Record<string, string>[] = parse(readFileSync(csvPath, "utf8"), {columns: true});
    const data = rows.map((r) => project.columns.map((id: string) => (r[id] === "" ? null : Number(r[id]))));
    expect(data).toEqual(project.data);
    expect(rows.map((r) => r.size_class)).toEqual(project.size_class);
  });

  it("post-stratification weights to 352 municipalities, Kish n_eff and deff", () => {
    const w = postStratificationWeights(project.size_class, project.population);
    expectClose(w, project.weights, 1e-12);
    expectClose(w.reduce((a, b) => a + b, 0), 352, 1e-9);
    expectClose(kishEffectiveN(w), project.kish_n, 1e-10);
    expectClose(kishDesignEffect(w), project.kish_deff, 1e-10);
  });

  for (const scale of project?.scales ?? []) {
    describe(`scale ${scale.scale}`, () => {
      const y = scaleScores(scale.items);
      it("unweighted, fixed-weight and stratified means with fpc intervals = survey", () => {
        expect(y.filter((v) => v !== null).length).toBe(scale.n);
        expectClose(mean(y), scale.unweighted_mean, 1e-12);
        expectClose(weightedMean(y, project.weights), scale.weighted_mean_fixed, 1e-12);
        const s = stratifiedMeanInterval(y, project.size_class, project.population, {distribution: "normal"});
        expectClose([s.mean, s.se, s.lower, s.upper], [scale.stratified.mean, scale.stratified.se, scale.stratified.lower, scale.stratified.upper], 1e-10);
        const noFpc = stratifiedMeanInterval(y, project.size_class, project.population, {fpc: false});
        expectClose(noFpc.se, scale.stratified_no_fpc.se, 1e-10);
        const d = domainMeanInterval(y, project.size_class, project.weights, project.population, {distribution: "normal"});
        expectClose([d.mean, d.se, d.lower, d.upper], [scale.domain.mean, scale.domain.se, scale.domain.lower, scale.domain.upper], 1e-10);
        for (const [h, ref] of Object.entries<any>(scale.by_class)) {
          if (!ref) continue;
          expect(s.strata[h].n).toBe(ref.n);
          expectClose([s.strata[h].mean, s.strata[h].se, s.strata[h].lower, s.strata[h].upper], [ref.mean, ref.se, ref.lower, ref.upper], 1e-10);
        }
      });
      if (scale.alpha) {
        it("alpha, alpha if item deleted, item-rest = psych::alpha", () => {
          const rows = completeRows(project.data.map((row: (number | null)[]) => scale.items.map((id: string) => row[col(id)])));
          const a = cronbachAlpha(rows);
          expect(a.n).toBe(scale.alpha.n);
          expectClose(a.alpha, scale.alpha.alpha, 1e-10);
          if (scale.items.length > 2) expectClose(a.alphaIfDeleted, scale.alpha.alpha_if_deleted, 1e-10);
          expectClose(a.itemRest, scale.alpha.item_rest, 1e-10);
        });
      }
      if (scale.omega) {
        it("omega total (pa: 1e-6; minres: 1e-4, psych's optimiser stops earlier)", () => {
          const r = pearsonCorrelation(project.data.map((row: (number | null)[]) => scale.items.map((id: string) => row[col(id)]))).r;
          expectClose(omegaTotal(r, {method: "pa"}).omega, scale.omega.omega_pa, 1e-6);
          expectClose(omegaTotal(r).omega, scale.omega.omega_minres, 1e-4);
        });
      }
    });
  }

  for (const block of project?.blocks ?? []) {
    it(`factor analysis of block ${block.id}`, () => {
      const data = project.data.map((row: (number | null)[]) => block.items.map((id: string) => row[col(id)]));
      const c = pearsonCorrelation(data);
      const f = block.factors;
      expect(c.completeCases).toBe(block.complete_cases);
      expectClose(c.r, f.r, 1e-12);
      expectClose(pearsonCorrelation(data, {missing: "pairwise"}).r, block.r_pairwise, 1e-12);
      const k = kmo(c.r);
      expectClose([k.overall, ...k.perItem], [f.kmo.overall, ...f.kmo.per_item], 1e-10);
      const b = bartlettSphericity(c.r, c.completeCases);
      expectClose([b.chiSquare, b.df, b.p], [f.bartlett.chi_square, f.bartlett.df, f.bartlett.p], 1e-8);
      const pca = principalComponents(c.r, block.nfactors).loadings;
      expectClose(pca, f.pca, 1e-8);
      expectClose(varimaxCanonical(pca), f.pca_varimax, 1e-6);
      expectClose(principalAxis(c.r, block.nfactors).loadings, f.pa_default, 1e-6);
      expectClose(principalAxis(c.r, block.nfactors, {minErr: 1e-12, maxIter: 10_000}).loadings, f.pa_tight, 1e-6);
      expectClose(minres(c.r, block.nfactors).loadings, f.minres, 1e-4);
      const ob = obliminCanonical(f.pa_tight);
      expectClose(ob.loadings, f.pa_oblimin_default.loadings, 1e-6);
      expectClose(ob.phi, f.pa_oblimin_default.phi, 1e-6);
    });
  }
});
