// The survey core's mean with interval (domain estimation under the stratified design with fpc) against R's
// survey package on the site's data: test/fixtures/r/survey-domains.json from scripts/r/survey-domains.R.
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {siteData} from "../../loaders/pipeline/site-data.ts";
import {domainMean, intervalDescription, stratumMoments} from "../../src/components/stats/domain-mean.ts";
import {domainMeanInterval, srsMeanInterval} from "../../src/components/stats/mean-interval.ts";
import {expectClose} from "./fixtures.ts";

const fixture = JSON.parse(readFileSync("test/fixtures/r/survey-domains.json", "utf8"));

async function respondents() {
  const table = (await siteData()).tables.find((t) => t.name === "respondents")!;
  const names = table.columns.map((c) => c.name);
  return table.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))) as Record<string, any>[];
}

describe("domainMean = survey::svymean(~y, subset(design, domain), na.rm = TRUE)", async () => {
  const rows = await respondents();
  const strata = rows.map((r) => r.size_class as string);
  it("the fixture was made from the current data (else rerun scripts/r/survey-domains.R)", async () => {
    expect(fixture.population).toEqual((await siteData()).meta.population.sizeClassCounts);
  });
  for (const ref of fixture.rows) {
    it(`${ref.scale}, ${ref.weighting}, ${ref.domain}`, () => {
      const values = rows.map((r) => r[ref.scale] as number | null);
      const domain = rows.map((r) => (ref.size_class ? r.size_class === ref.size_class : true) && (ref.role ? r.role === ref.role : true));
      const weights = ref.weighting === "weighted" ? rows.map((r) => r.weight as number) : null;
      const est = domainMean(stratumMoments(values, strata, weights, domain), fixture.population);
      expect(est.n).toBe(ref.n);
      expect(est.df).toBe(ref.df);
      expectClose([est.mean, est.se], [ref.mean, ref.se], 1e-10);
      // jStat inverts the t distribution iteratively, to about 1e-9 of R's qt
      expectClose([est.lower, est.upper], [ref.lower_t, ref.upper_t], 1e-8);
      const normal = domainMeanInterval(values, strata, weights, fixture.population, {domain, distribution: "normal"});
      expectClose([normal.lower, normal.upper], [ref.lower_normal, ref.upper_normal], 1e-10);
    });
  }
});



describe("domainMean edge cases", () => {
  it("a domain without values has no mean, and NaN never passes for a number", () => {
    const est = domainMean(stratumMoments([null, null], ["a", "a"], null), {a: 10});
    expect(est.n).toBe(0);
    expect(Number.isNaN(est.mean)).toBe(true);
  });
  it("refuses a stratum without a population count", () => {
    expect(() => domainMean(stratumMoments([1, 2, 3], ["a", "a", "b"], null), {a: 10})).toThrow(/invalid stratum: b/);
  });
  it("one stratum with all respondents in the domain is the textbook s²/n · (1 - n/N)", () => {
    const xs = [1, 2, 2, 3, 4, 4, 4];
    const est = srsMeanInterval(xs, 20);
    const m = xs.reduce((a, b) => a + b) / xs.length;
    const s2 = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    expect(est.se).toBeCloseTo(Math.sqrt((s2 / xs.length) * (1 - xs.length / 20)), 14);
    expect(est.df).toBe(6);
  });
  it("says in Dutch which interval it draws", () => {
    expect(intervalDescription({}, 352)).toMatch(/95%-interval .*t-verdeling, met eindige-populatiecorrectie .*352 gemeenten/);
    expect(intervalDescription({fpc: false, distribution: "normal"})).toMatch(/normale verdeling, zonder eindige-populatiecorrectie/);
  });
});
