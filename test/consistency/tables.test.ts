// One number, three routes: Tables 1-5 and the Figure 3 answer distribution computed through the story's JavaScript
// engine, the story's SQL engine (DuckDB over the site's Parquet from siteData()) and the lab's functions on plain
// arrays (scaleScore for the score, domainMeanInterval for mean, SE and interval; counting for the shares) must agree:
// same means, n, standard errors, intervals and shares, for every size class and the total, unweighted and weighted.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {countAnswers, scaleMoments} from "../../src/components/story/engine-js.ts";
import {countAnswersSql, scaleMomentsSql} from "../../src/components/story/engine-sql.ts";
import {finishDistribution, finishMeans, TOTAL, type AnswerCell, type MeanRow, type MomentCell, type StoryFilter} from "../../src/components/story/model.ts";
import {domainMeanInterval} from "../../src/components/stats/mean-interval.ts";
import {scaleScore} from "../../src/components/stats/scale-score.ts";
import {itemMatrix} from "../../src/components/survey/respondent.ts";
import {itemsOfFigure, scaleById} from "../../src/components/survey/survey-meta.ts";
import {openSiteSurvey, type SiteSurvey} from "../components/story/site-survey.ts";

let survey: SiteSurvey;
beforeAll(async () => {
  survey = await openSiteSurvey();
}, 120_000);
afterAll(() => survey?.close());

const same = (a: number | null | undefined, b: number | null | undefined, what: string) => {
  expect(a == null || !Number.isFinite(a), `${what}: a number`).toBe(false);
  expect(Math.abs(a! - b!), `${what}: ${a} vs ${b}`).toBeLessThan(1e-10);
};

/** The lab's route: the score from the items (scaleScore), then the domain mean on arrays. */
function labRows(scale: string, filter: StoryFilter): MeanRow[] {
  const {respondents, meta} = survey;
  const items = scaleById(meta, scale).items;
  const values = respondents.map((r) => scaleScore(r, items));
  const strata = respondents.map((r) => r.size_class);
  const weights = filter.weighted ? respondents.map((r) => Number(r.weight)) : null;
  const inRole = (r: (typeof respondents)[number]) => filter.role === "alle" || r.role === filter.role;
  return [...filter.sizes, TOTAL].map((group) => {
    const domain = respondents.map((r) => inRole(r) && (group === TOTAL ? filter.sizes.includes(r.size_class) : r.size_class === group));
    const m = domainMeanInterval(values, strata, weights, meta.population.sizeClassCounts, {domain});
    return {group, n: m.n, mean: m.mean, se: m.se, low: m.lower, high: m.upper, suppressed: false};
  });
}

const filtersOf = (sizes: string[]): StoryFilter[] => [
  {sizes, role: "alle", weighted: false},
  {sizes, role: "alle", weighted: true}
];

describe("Tables 1-5: story JS, story SQL and the lab give the same means, n, SE and intervals", () => {
  test("the score column in the Parquet is the lab's scaleScore of the items", () => {
    for (const scale of survey.meta.scales)
      for (const r of survey.respondents) {
        const score = scaleScore(r, scale.items);
        if (score == null) expect(r[scale.id], `${r.respondent_id} ${scale.id}`).toBeNull();
        else same(Number(r[scale.id]), score, `${r.respondent_id} ${scale.id}`);
      }
  });
  for (const weighted of [false, true])
    test(`every table, every group, ${weighted ? "weighted" : "unweighted"}`, async () => {
      for (const table of survey.meta.published.tables) {
        const filter = filtersOf([...survey.meta.sizeClasses])[weighted ? 1 : 0];
        const js = finishMeans(scaleMoments(survey.respondents, {scale: table.scale, weighted}), {filter, design: survey.design});
        const sql = finishMeans(await survey.rows<MomentCell>(scaleMomentsSql({scale: table.scale, weighted})), {filter, design: survey.design});
        const lab = labRows(table.scale, filter);
        expect(js.map((r) => r.group)).toEqual(lab.map((r) => r.group));
        for (const [i, row] of lab.entries()) {
          const what = `${table.id} ${table.scale} ${row.group}`;
          expect([js[i].n, sql[i].n], what).toEqual([row.n, row.n]);
          for (const key of ["mean", "se", "low", "high"] as const) {
            same(js[i][key], row[key], `${what} ${key} (JS)`);
            same(sql[i][key], row[key], `${what} ${key} (SQL)`);
          }
        }
      }
    });
  test("Table 1's interval is the lab's, to the digit", () => {
    const filter = filtersOf([...survey.meta.sizeClasses])[0];
    const total = finishMeans(scaleMoments(survey.respondents, {scale: "beschikbaarheid", weighted: false}), {filter, design: survey.design}).at(-1)!;
    const lab = labRows("beschikbaarheid", filter).at(-1)!;
    expect([total.low, total.high]).toEqual([lab.low, lab.high]);
  });
});

describe("Figure 3: story JS, story SQL and counting on arrays give the same shares and n", () => {
  for (const weighted of [false, true])
    test(weighted ? "weighted" : "unweighted", async () => {
      const {respondents, meta} = survey;
      const items = itemsOfFigure(meta, "Figuur 3");
      const filter = filtersOf([...meta.sizeClasses])[weighted ? 1 : 0];
      const args = {items, options: survey.options, filter, design: survey.design, bySize: true};
      const js = finishDistribution(countAnswers(respondents, {items, weighted}), args);
      const sql = finishDistribution(await survey.rows<AnswerCell>(countAnswersSql({items, weighted})), args);
      const matrix = itemMatrix(respondents, items);
      for (const [i, row] of js.entries()) {
        const j = items.indexOf(row.item_id);
        const inGroup = respondents.map((r, k) => matrix[k][j] != null && (row.group === TOTAL || r.size_class === row.group));
        const w = (k: number) => (weighted ? Number(respondents[k].weight) : 1);
        const n = inGroup.filter(Boolean).length;
        const total = inGroup.reduce((s, yes, k) => s + (yes ? w(k) : 0), 0);
        const answer = inGroup.reduce((s, yes, k) => s + (yes && matrix[k][j] === row.code ? w(k) : 0), 0);
        const what = `${row.item_id} ${row.group} ${row.code}`;
        expect([row.n, sql[i].n], what).toEqual([n, n]);
        same(row.share, answer / total, `${what} share (JS)`);
        same(sql[i].share, answer / total, `${what} share (SQL)`);
      }
    });
});
