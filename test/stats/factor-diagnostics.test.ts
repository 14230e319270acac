// Model diagnostics of every factor fit against R psych (test/fixtures/r/factor-diagnostics.json, written by
// scripts/r/factor-diagnostics.R): convergence and iteration counts, degrees of freedom, Heywood cases, the
// stats::varimax stopping rule, and omega total with psych's observed and the model-implied total variance.
import {describe, it, expect} from "vitest";
import {
  principalAxis, minres, principalComponents, varimax, degreesOfFreedom, maxIdentifiedFactors, heywoodCases,
  omegaTotal, omegaTotalObserved, omegaTotalFromLoadings, pearsonCorrelation
} from "../../src/components/stats/index.js";
import {loadFixture, expectClose} from "./fixtures.ts";

const fixture = loadFixture("factor-diagnostics.json");
const project = loadFixture("project.json");
const caseOf = (id: string) => fixture.blocks.find((b: any) => b.case.id === id).case;
const external = caseOf("externe_kennis_contacten");
const networks = caseOf("netwerken");
const residents = caseOf("inwoners");
const fitOf = (c: any, nfactors: number) => c.fits.find((f: any) => f.nfactors === nfactors);
const pagePa = (r: number[][], nfactors: number) => principalAxis(r, nfactors, {minErr: fixture.page_pa.min_err, maxIter: fixture.page_pa.max_iter});
const kinds = (cases: {kind: string}[]) => [...new Set(cases.map((c) => c.kind))].sort();

describe("the fixture's correlation matrices are the project's", () => {
  for (const c of [external, networks, residents]) {
    it(`${c.id}: listwise Pearson correlations of ${c.items.length} items, n = ${c.n}`, () => {
      const data = project.data.map((row: (number | null)[]) => c.items.map((id: string) => row[project.columns.indexOf(id)]));
      const corr = pearsonCorrelation(data);
      expect(corr.completeCases).toBe(c.n);
      expectClose(corr.r, c.r, 1e-12);
    });
  }
});

describe("degrees of freedom = psych's $dof", () => {
  it("((p - m)² - (p + m)) / 2 for every block and number of factors psych fitted", () => {
    for (const {case: c} of fixture.blocks) for (const f of c.fits) expect(degreesOfFreedom(c.items.length, f.nfactors), `${c.id}, ${f.nfactors}`).toBe(f.dof);
  });
  it("six items with three factors have none, with four -3: not identified", () => {
    expect(degreesOfFreedom(6, 3)).toBe(0);
    expect(degreesOfFreedom(6, 4)).toBe(-3);
    expect(principalAxis(networks.r, 3).degreesOfFreedom).toBe(0);
    expect(minres(residents.r, 3).degreesOfFreedom).toBe(0);
  });
  it("the largest identified number of factors", () => {
    expect(maxIdentifiedFactors(3)).toBe(0); // one factor of three items: df 0, fits exactly
    expect(maxIdentifiedFactors(4)).toBe(1);
    expect(maxIdentifiedFactors(6)).toBe(2);
    expect(maxIdentifiedFactors(9)).toBe(5);
    expect(maxIdentifiedFactors(12)).toBe(7);
    expect(maxIdentifiedFactors(2)).toBe(0);
  });
});

describe("principal axis: iterations and convergence = psych::fa(fm = \"pa\")", () => {
  for (const {case: c} of fixture.blocks) {
    for (const f of c.fits) {
      if (f.pa_page.error) continue;
      it(`${c.id}, ${f.nfactors} factor(s): psych's defaults (${f.pa_default.iterations} iterations) and the page's settings (${f.pa_page.iterations})`, () => {
        const d = principalAxis(c.r, f.nfactors);
        expect(d.iterations).toBe(f.pa_default.iterations);
        expect(d.converged).toBe(f.pa_default.converged);
        const p = pagePa(c.r, f.nfactors);
        expect(p.iterations).toBe(f.pa_page.iterations);
        expect(p.converged).toBe(f.pa_page.converged);
        expectClose(p.communalities, f.pa_page.communalities, 1e-8);
        expect(p.heywood.some((h) => h.kind === "ultra-heywood")).toBe(f.pa_page.ultra_heywood);
      });
    }
  }
  it("psych's fa(fm = \"pa\") itself fails on four factors of six items; ours fits and reports df -3", () => {
    expect(fitOf(networks, 4).pa_page.error).toMatch(/subscript out of bounds/);
    expect(pagePa(networks.r, 4).degreesOfFreedom).toBe(-3);
  });
});

describe("Heywood cases", () => {
  it("externe kennis + contacten, principal axis as the page runs it, 2 factors: communality 1,13, varimax loading 1,05, stopped at 1000 iterations", () => {
    const fit = fitOf(external, 2);
    const pa = pagePa(external.r, 2);
    expect(pa.converged).toBe(false);
    expect(pa.iterations).toBe(1000);
    expect(Math.max(...pa.communalities).toFixed(2)).toBe("1.13");
    expectClose(Math.max(...pa.communalities), fit.pa_page.max_communality, 1e-8);
    expect(kinds(pa.heywood)).toEqual(["ultra-heywood"]);
    const rotated = varimax(pa.loadings).loadings;
    const maxLoading = Math.max(...rotated.flat().map(Math.abs));
    expect(maxLoading.toFixed(2)).toBe("1.05");
    expectClose(maxLoading, fit.pa_page_varimax.max_abs_loading, 1e-8);
    expect(kinds(heywoodCases(rotated, pa.communalities))).toEqual(["loading-above-one", "ultra-heywood"]);
  });
  it("the same block with three factors: communality 2,56", () => {
    const pa = pagePa(external.r, 3);
    expect(Math.max(...pa.communalities).toFixed(2)).toBe("2.56");
    expectClose(Math.max(...pa.communalities), fitOf(external, 3).pa_page.max_communality, 1e-8);
    expect(pa.heywood.filter((h) => h.kind === "ultra-heywood").length).toBeGreaterThan(0);
  });
  it("minres holds the communality at psych's bound (0,995): reported as at-bound, psych's own communality is there too", () => {
    const mr = minres(external.r, 2);
    expect(kinds(mr.heywood)).toEqual(["at-bound"]);
    expect(fitOf(external, 2).minres.max_communality).toBeGreaterThanOrEqual(0.995);
    expectClose(Math.max(...mr.communalities), fitOf(external, 2).minres.max_communality, 1e-4);
  });
  it("psych's ultra-Heywood warning (communality > 1) is ours for minres with three factors", () => {
    const mr = minres(external.r, 3);
    expect(fitOf(external, 3).minres.ultra_heywood).toBe(true);
    expect(mr.heywood.some((h) => h.kind === "ultra-heywood")).toBe(true);
  });
  it("a proper solution has none: one factor, and PCA", () => {
    expect(pagePa(external.r, 1).heywood).toEqual([]);
    expect(principalComponents(external.r, 3).heywood).toEqual([]);
  });
  it("kinds at their edges: exactly 1 is Heywood, above is ultra, the bound only counts where there is one", () => {
    expect(heywoodCases([[1]], [1]).map((h) => h.kind)).toEqual(["heywood"]);
    expect(heywoodCases([[0.5]], [1.01]).map((h) => h.kind)).toEqual(["ultra-heywood"]);
    expect(heywoodCases([[0.99]], [0.995], {communalityBound: 0.995}).map((h) => h.kind)).toEqual(["at-bound"]);
    expect(heywoodCases([[0.99]], [0.995])).toEqual([]);
    expect(heywoodCases([[-1.2, 0.1]], [0.9]).map((h) => h.kind)).toEqual(["loading-above-one"]);
  });
});

describe("minres convergence", () => {
  it("inwoners, three factors (df 0): stops after 10.000 iterations without converging", () => {
    const mr = minres(residents.r, 3);
    expect(mr.converged).toBe(false);
    expect(mr.iterations).toBe(10_000);
    expect(mr.maxIterations).toBe(10_000);
    expect(fitOf(residents, 3).dof).toBe(0);
  });
  it("two factors of the same block converge", () => {
    expect(minres(residents.r, 2).converged).toBe(true);
  });
});

describe("varimax follows stats::varimax's stopping rule (relative criterion change below eps, at most 1000)", () => {
  for (const v of fixture.varimax) {
    it(`${v.name}: eps ${v.eps}, normalize ${v.normalize}: same ${v.result.iterations} iterations and loadings`, () => {
      const r = varimax(v.input, {eps: v.eps, normalize: v.normalize});
      expect(r.iterations).toBe(v.result.iterations);
      expect(r.converged).toBe(true);
      expectClose(r.loadings, v.result.loadings, 1e-10);
      expectClose(r.rotation, v.result.rotation, 1e-10);
    });
  }
  it("a looser eps stops earlier, at a different iterate (so the rule is what makes the match)", () => {
    const [strict, loose] = fixture.varimax;
    expect(loose.result.iterations).toBeLessThan(strict.result.iterations);
    expect(() => expectClose(varimax(strict.input, {eps: 1e-2}).loadings, strict.result.loadings, 1e-10)).toThrow();
  });
});

describe("omega total: psych::omega's observed total and the model-implied total", () => {
  for (const o of fixture.omega) {
    it(`${o.id}: observed = psych::omega omega.tot, model-implied from the same loadings`, () => {
      const pa = omegaTotal(o.r, {method: "pa"});
      expectClose(pa.loadings, o.loadings_pa, 1e-6);
      expectClose(pa.omegaObserved, o.omega_observed_pa, 1e-6);
      expectClose(pa.omegaModel, o.omega_model_pa, 1e-6);
      // psych::omega fits minres by optim, which stops ~1e-5 short of the optimum
      const mr = omegaTotal(o.r);
      expectClose(mr.omegaObserved, o.psych_omega_tot, 1e-4);
      expectClose(omegaTotalObserved(o.r, o.psych_loadings), o.psych_omega_tot, 1e-10);
    });
  }
  it("the two differ where the one-factor model leaves residual correlations, and agree where it fits exactly", () => {
    const differ = fixture.omega.find((o: any) => o.id === "kennismanagement");
    expect(Math.abs(differ.omega_model_pa - differ.omega_observed_pa)).toBeGreaterThan(5e-4);
    // an exact one-factor matrix: r_ij = l_i l_j
    const l = [0.8, 0.6, 0.5, 0.7];
    const r = l.map((a, i) => l.map((b, j) => (i === j ? 1 : a * b)));
    expectClose(omegaTotalObserved(r, l), omegaTotalFromLoadings(l), 1e-12);
  });
});
