// The model sampler (src/components/stats/simulate-model.ts) on the reconstruction's exported model
// (loaders/reconstruct/model-export.ts): seeded determinism, item distributions of a large draw against the design's
// shares, and class means against the printed tables.
import {describe, it, expect} from "vitest";
import {readFileSync} from "node:fs";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {exportReconstructionModel, expectedCode} from "../../loaders/reconstruct/model-export.ts";
import {itemDesign, respondentsPerClass} from "../../loaders/reconstruct/design.ts";
import {drawFromModel, modelSampler, codeFor, factorCholesky, coverageSimulation} from "../../src/components/stats/index.js";

const published = JSON.parse(readFileSync("data/published.json", "utf8"));
const model = exportReconstructionModel(loadCodebook(), published.tables);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("exported model", () => {
  it("has increasing cut points, one fewer than codes, and a positive definite factor correlation matrix", () => {
    for (const item of model.items) {
      expect(item.cuts).toHaveLength(item.codes.length - 1);
      for (let k = 1; k < item.cuts.length; k++) expect(item.cuts[k]).toBeGreaterThan(item.cuts[k - 1]);
    }
    expect(factorCholesky(model)).toHaveLength(model.topics.length);
  });
  it("refitted shifts reproduce the printed class differences exactly in expectation", () => {
    for (const table of published.tables) {
      const fits = model.scaleFits.filter((f) => f.table === table.id && f.scale === table.scale);
      const offset = mean(fits.map((f) => f.model - f.printed));
      // the item shares fix the pooled mean, so a common offset remains (at most a few hundredths)
      expect(Math.abs(offset)).toBeLessThan(0.03);
      for (const f of fits) expect(f.model - f.printed).toBeCloseTo(offset, 8);
    }
  });
  it("expectedCode matches a direct sum over the normal distribution", () => {
    expect(expectedCode([1, 2], [0], 0)).toBeCloseTo(1.5, 12);
    expect(expectedCode([0, 1], [0], 1.2815515655446004)).toBeCloseTo(0.9, 9);
  });
});

describe("drawFromModel", () => {
  it("codeFor cuts at the cut points", () => {
    expect([-2, -0.5, 0.3, 5].map((x) => codeFor(x, [-1, 0, 1], [1, 2, 3, 4]))).toEqual([1, 2, 3, 4]);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const perClass = {"<25.000": 30, ">100.000": 20};
    const a = drawFromModel(model, perClass, {seed: 7});
    const b = drawFromModel(model, perClass, {seed: 7});
    const c = drawFromModel(model, perClass, {seed: 8});
    expect(a).toEqual(b);
    expect(a.scores.beschikbaarheid).not.toEqual(c.scores.beschikbaarheid);
    expect(a.sizeClass.filter((s) => s === ">100.000")).toHaveLength(20);
    // the prepared sampler gives the same draw as the one-shot function
    expect(modelSampler(model)(perClass, 7)).toEqual(a);
  });

  it("a large draw in the reconstruction's class mix reproduces the design's shares per item", () => {
    // 1000 × the 107 respondents' class mix: Monte Carlo SE of a share ≤ 0,0016. The model's shares are the
    // reconstruction's whole counts (largest remainder over ~104 answers), up to 0,005 from the design's shares.
    // Items the whole sample answered must match within 0,01; items after the dropout were fitted to a slightly
    // different class mix (fewer respondents in some classes), which with class shifts of up to ±1 moves a share by
    // a few hundredths: 0,04 there.
    const perClass = Object.fromEntries(Object.entries(respondentsPerClass).map(([c, n]) => [c, n * 1000]));
    const draw = drawFromModel(model, perClass, {seed: 2022});
    for (const item of model.items) {
      const design = itemDesign[item.id];
      const target = design.counts ? design.counts.map((k) => k / design.counts!.reduce((a, b) => a + b, 0)) : design.shares ?? item.shares;
      const observed = item.codes.map((code) => draw.codes[item.id].filter((v) => v === code).length / draw.sizeClass.length);
      const all = Object.values(item.answeredPerClass).reduce((a, b) => a + b, 0) === 107;
      for (let k = 0; k < observed.length; k++) expect(Math.abs(observed[k] - target[k]), `${item.id} code ${item.codes[k]}`).toBeLessThan(all ? 0.01 : 0.04);
    }
  });

  it("one-class draws reproduce the order of the printed class means (and come within 0,03 of them)", () => {
    const sampler = modelSampler(model);
    const byClass = Object.fromEntries(model.sizeClasses.map((c, i) => [c, sampler({[c]: 20000}, 100 + i).scores]));
    for (const table of published.tables) {
      const rows = table.rows as {size_class: string; mean: number}[];
      for (const row of rows) expect(Math.abs(mean(byClass[row.size_class][table.scale]) - row.mean), `${table.id} ${row.size_class}`).toBeLessThan(0.03);
      // every pair of classes whose printed means differ by at least 0,05 comes out in the same order
      // (SE of a one-class mean over 20 000 draws ≈ 0,004; closer printed pairs, such as 2,62 and 2,63, are ties here)
      for (const a of rows)
        for (const b of rows)
          if (a.mean - b.mean >= 0.05) expect(mean(byClass[a.size_class][table.scale]), `${table.id}: ${a.size_class} > ${b.size_class}`).toBeGreaterThan(mean(byClass[b.size_class][table.scale]));
    }
  });

  it("the reconstruction's own shifts would not: Tabel 1 <25.000 comes out above 25.001-50.000", () => {
    const fits = model.scaleFits.filter((f) => f.table === "Tabel 1");
    const of = (c: string) => fits.find((f) => f.sizeClass === c)!;
    expect(of("<25.000").printed).toBeLessThan(of("25.001-50.000").printed);
    expect(of("<25.000").withReconstructionShifts).toBeGreaterThan(of("25.001-50.000").withReconstructionShifts);
  });
});

describe("coverageSimulation", () => {
  // Table 1's design: 28 / 40 / 13 / 20 respondents out of 123 / 141 / 56 / 32 municipalities.
  const population = {"<25.000": 123, "25.001-50.000": 141, "50.001-100.000": 56, ">100.000": 32};
  const sample = {"<25.000": 28, "25.001-50.000": 40, "50.001-100.000": 13, ">100.000": 20};
  const result = coverageSimulation(model, {scale: "beschikbaarheid", population, sample, repetitions: 1000, seed: 5});

  it("is seeded", () => {
    const small = (seed: number) => coverageSimulation(model, {scale: "beschikbaarheid", population, sample, repetitions: 50, seed, truthDraws: 2000});
    expect(small(3)).toEqual(small(3));
    expect(small(3).modelMean).not.toBe(small(4).modelMean);
  });

  it("with fpc the interval covers the finite population's mean about 95% of the time; without, more often", () => {
    // Monte Carlo SE of a coverage near 0,95 over 1000 repetitions ≈ 0,007; allow 3 SE
    expect(Math.abs(result.populationMean.fpc - 0.95)).toBeLessThan(0.021);
    expect(result.populationMean.noFpc).toBeGreaterThan(result.populationMean.fpc + 0.01);
  });

  it("for the model's own mean it is the other way round: without fpc about 95%, with fpc too seldom", () => {
    expect(Math.abs(result.modelMeanCovered.noFpc - 0.95)).toBeLessThan(0.021);
    expect(result.modelMeanCovered.fpc).toBeLessThan(result.modelMeanCovered.noFpc - 0.02);
    expect(result.halfWidth.fpc).toBeLessThan(result.halfWidth.noFpc);
  });
});
