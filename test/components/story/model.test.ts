import {describe, expect, test} from "vitest";
import {finishDistribution, finishMeans, stratumOf, TOTAL, type AnswerCell, type StoryFilter} from "../../../src/components/story/model.ts";
import {scaleMoments} from "../../../src/components/story/engine-js.ts";
import {domainMeanInterval} from "../../../src/components/stats/mean-interval.ts";
import {SUPPRESSED_TEXT} from "../../../src/components/stats/suppression.ts";
import type {Respondent} from "../../../src/components/survey/respondent.ts";

const options = () => [
  {code: 1, label: "Nee"},
  {code: 2, label: "Ja"}
];
const design = {sizeClasses: ["A", "B"], population: {A: 40, B: 20}};
const all: StoryFilter = {sizes: ["A", "B"], role: "alle", weighted: false};
const cell = (size_class: string, role: string, code: number, count: number, weight = count): AnswerCell => ({item_id: "x", size_class, role, code, count, weight});

describe("finishDistribution", () => {
  test("fills in empty answers with zero and computes weighted shares over the filter's roles", () => {
    const cells = [cell("A", "r", 2, 6, 3), cell("A", "s", 2, 5, 5), cell("A", "s", 1, 5, 5)];
    const rows = finishDistribution(cells, {items: ["x"], options, filter: {...all, sizes: ["A"], role: "r"}, design});
    expect(rows.map((r) => [r.group, r.code, r.count, r.share, r.n])).toEqual([
      [TOTAL, 1, 0, 0, 6],
      [TOTAL, 2, 6, 1, 6]
    ]);
  });
  test("a size class of 1-4 respondents shows neither value nor count, and the total that includes it is hidden", () => {
    const cells = [cell("A", "r", 1, 10), cell("B", "r", 1, 2), cell("B", "r", 2, 1)];
    const rows = finishDistribution(cells, {items: ["x"], options, filter: all, design, bySize: true});
    const b = rows.filter((r) => r.group === "B");
    expect(b.every((r) => r.suppressed && r.share === null && r.count === null && r.n === null)).toBe(true);
    expect(rows.filter((r) => r.group === TOTAL).every((r) => r.suppressed && r.n === null)).toBe(true);
    expect(rows.filter((r) => r.group === "A").every((r) => !r.suppressed && r.n === 10)).toBe(true);
  });
  test("in a one-role view a class is hidden when the other role has 1-4 respondents there", () => {
    const cells = [cell("A", "r", 1, 10), cell("A", "s", 1, 3), cell("B", "r", 1, 8), cell("B", "s", 2, 9)];
    const rows = finishDistribution(cells, {items: ["x"], options, filter: {...all, role: "r"}, design, bySize: true});
    expect(rows.filter((r) => r.group === "A").every((r) => r.suppressed && r.n === null)).toBe(true);
    expect(rows.filter((r) => r.group === "B").every((r) => !r.suppressed && r.n === 8)).toBe(true);
    expect(rows.filter((r) => r.group === TOTAL).every((r) => r.suppressed)).toBe(true);
    expect(SUPPRESSED_TEXT).toMatch(/te weinig waarnemingen/);
  });
});

describe("finishMeans", () => {
  // Ten respondents in A (two roles), six in B; a few without a score.
  const respondents = [
    ...[1, 2, 2, 3, 3, 3, 4, null, 2, 3].map((y, i) => ({respondent_id: `a${i}`, size_class: "A", role: i % 2 ? "r" : "s", weight: 4, y})),
    ...[2, 4, 4, null, 3, 1].map((y, i) => ({respondent_id: `b${i}`, size_class: "B", role: i < 3 ? "r" : "s", weight: 20 / 6, y}))
  ] as Respondent[];
  test("each row is the survey's domain mean (stratified, fpc, t), as the lab computes it from arrays", () => {
    for (const weighted of [false, true])
      for (const filter of [all, {...all, sizes: ["A"]}]) {
        const rows = finishMeans(scaleMoments(respondents, {scale: "y", weighted}), {filter, design});
        const values = respondents.map((r) => r.y as number | null);
        const strata = respondents.map((r) => r.size_class);
        const weights = weighted ? respondents.map((r) => r.weight) : null;
        for (const row of rows) {
          const domain = respondents.map((r) => (row.group === TOTAL ? filter.sizes.includes(r.size_class) : r.size_class === row.group));
          const lab = domainMeanInterval(values, strata, weights, design.population, {domain});
          expect(row.mean).toBeCloseTo(lab.mean, 12);
          expect(row.se).toBeCloseTo(lab.se, 12);
          expect(row.low).toBeCloseTo(lab.lower, 12);
          expect(row.high).toBeCloseTo(lab.upper, 12);
          expect(row.n).toBe(lab.n);
        }
      }
  });
  test("a role filter keeps every respondent of the stratum in the design (n_h), only the domain shrinks", () => {
    const moments = scaleMoments(respondents, {scale: "y", weighted: false});
    const a = stratumOf(moments, "A", {...all, role: "r"});
    expect(a.sampleSize).toBe(10);
    expect(a.n).toBe(4); // role r: five respondents, one without a score
  });
  test("a hidden group shows no mean and no n; an unselected size class is no row", () => {
    const few = respondents.filter((r) => r.size_class === "A" || r.respondent_id === "b0" || r.respondent_id === "b1");
    const rows = finishMeans(scaleMoments(few, {scale: "y", weighted: false}), {filter: all, design});
    expect(rows.map((r) => [r.group, r.suppressed, r.n])).toEqual([
      ["A", false, 9],
      ["B", true, null],
      [TOTAL, true, null]
    ]);
    expect(finishMeans(scaleMoments(few, {scale: "y", weighted: false}), {filter: {...all, sizes: ["A"]}, design}).map((r) => r.group)).toEqual(["A", TOTAL]);
  });
});
