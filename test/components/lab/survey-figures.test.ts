// The lab's figure data on the site's own respondents: the same numbers as the survey core's functions, and no
// group of 1-4 respondents shown or derivable.
import {beforeAll, describe, expect, test} from "vitest";
import {siteSurvey} from "./site-survey.ts";
import type {Respondent} from "../../../src/components/survey/respondent.ts";
import type {SurveyMeta} from "../../../src/components/survey/survey-meta.ts";
import {scaleIntervals, TOTAL_LABEL, WITH_FPC, intervalSentence} from "../../../src/components/lab/scale-intervals.ts";
import {itemDistribution, itemMeans} from "../../../src/components/lab/item-distribution.ts";
import {responseRates} from "../../../src/components/lab/response-rates.ts";
import {answerFunnel} from "../../../src/components/lab/answer-funnel.ts";
import {answerBands, bandCells} from "../../../src/components/lab/answer-bands.ts";
import {scaleRuleRows, scaleRuleByClass} from "../../../src/components/lab/scale-rule.ts";
import {stratifiedMeanInterval} from "../../../src/components/stats/mean-interval.ts";
import {domainMean, stratumMoments} from "../../../src/components/stats/domain-mean.ts";
import {scaleScore} from "../../../src/components/stats/scale-score.ts";
import {MIN_GROUP_SIZE} from "../../../src/components/stats/suppression.ts";

let respondents: Respondent[];
let meta: SurveyMeta;
beforeAll(async () => ({respondents, meta} = await siteSurvey()));

/** The respondents with all but `keep` of one size class's scores on `column` removed (a class of `keep`). */
function shrinkClass(column: string, sizeClass: string, keep: number): Respondent[] {
  let seen = 0;
  return respondents.map((r) => (r.size_class === sizeClass && r[column] !== null && ++seen > keep ? {...r, [column]: null} : r));
}

describe("scaleIntervals", () => {
  test("per size class and the stratified total, with and without correction, from the data's scale column", () => {
    const {rows, withFpc} = scaleIntervals(respondents, meta, "beschikbaarheid");
    expect(rows.map((r) => r.label)).toEqual([...meta.sizeClasses, TOTAL_LABEL].flatMap((l) => [l, l]));
    const y = respondents.map((r) => r.beschikbaarheid as number | null);
    const expected = stratifiedMeanInterval(y, respondents.map((r) => r.size_class), meta.population.sizeClassCounts, {distribution: "t"});
    const total = rows.find((r) => r.label === TOTAL_LABEL && r.group === WITH_FPC)!;
    expect(total.mean).toBe(expected.mean);
    expect(total.lower).toBe(expected.lower);
    expect(withFpc.n).toBe(y.filter((v) => v !== null).length);
    // the correction narrows every interval
    for (const label of meta.sizeClasses) {
      const [a, b] = rows.filter((r) => r.label === label);
      expect(a.upper - a.lower).toBeLessThan(b.upper - b.lower);
    }
  });
  test("a size class of 1-4 scores is hidden, and so is the total it would follow from", () => {
    const small = shrinkClass("beschikbaarheid", "50.001-100.000", 3);
    const {rows, protection} = scaleIntervals(small, meta, "beschikbaarheid");
    expect(protection.hidden).toEqual(new Set(["50.001-100.000"]));
    expect(rows.map((r) => r.label)).not.toContain("50.001-100.000");
    expect(rows.map((r) => r.label)).not.toContain(TOTAL_LABEL);
  });
  test("the page says which interval it draws", () => {
    expect(intervalSentence(352)).toMatch(/95%-interval volgens de steekproefopzet \(gestratificeerd naar gemeentegrootte, t-verdeling, met eindige-populatiecorrectie/);
  });
});

describe("itemDistribution and itemMeans", () => {
  test("shares per size class and in total add up to 1 and count everyone who answered", () => {
    const rows = itemDistribution(respondents, meta, "bes_doorstroom");
    for (const group of [...meta.sizeClasses, "Totaal"]) {
      const cells = rows.filter((r) => r.group === group);
      expect(cells.reduce((s, c) => s + c.share!, 0)).toBeCloseTo(1, 12);
      const answered = respondents.filter((r) => (group === "Totaal" || r.size_class === group) && r.bes_doorstroom !== null).length;
      expect(cells[0].n).toBe(answered);
    }
  });
  test("the mean of one class is the survey core's domain mean", () => {
    const [first] = itemMeans(respondents, meta, "bes_doorstroom");
    const strata = respondents.map((r) => r.size_class);
    const expected = domainMean(stratumMoments(respondents.map((r) => r.bes_doorstroom as number | null), strata, null, strata.map((h) => h === first.group)), meta.population.sizeClassCounts);
    expect(first.mean).toBe(expected.mean);
    expect(first.upper).toBe(expected.upper);
  });
  test("a class of 1-4 answers shows no share, no mean, and no total", () => {
    const small = shrinkClass("bes_doorstroom", ">100.000", 4);
    const rows = itemDistribution(small, meta, "bes_doorstroom");
    expect(rows.filter((r) => r.group === ">100.000" || r.group === "Totaal").every((r) => r.suppressed && r.share === null)).toBe(true);
    expect(itemMeans(small, meta, "bes_doorstroom").map((m) => m.group)).toEqual(meta.sizeClasses.filter((h) => h !== ">100.000"));
  });
});

describe("responseRates", () => {
  test("respondents and municipalities per size class from the data and the population", () => {
    const rows = responseRates(respondents, meta);
    expect(rows.map((r) => r.n)).toEqual(meta.sizeClasses.map((h) => meta.provenance.sizeClassCounts[h]));
    expect(rows.reduce((s, r) => s + r.N, 0)).toBe(meta.population.total);
    expect(rows.reduce((s, r) => s + r.shareOfResponse, 0)).toBeCloseTo(1, 12);
  });
});

describe("non-response", () => {
  test("the funnel counts the answers per item in questionnaire order", () => {
    const funnel = answerFunnel(respondents, meta);
    expect(funnel.map((s) => s.id)).toEqual(meta.items.map((i) => i.id));
    expect(funnel[0].answered).toBe(respondents.filter((r) => r[meta.items[0].id] !== null).length);
  });
  test("bands of answered items hold at least 5 respondents each and everyone once", () => {
    const ids = meta.items.map((i) => i.id);
    const bands = answerBands(respondents, ids);
    expect(bands.every((b) => b.respondents.length >= MIN_GROUP_SIZE)).toBe(true);
    expect(bands.reduce((s, b) => s + b.respondents.length, 0)).toBe(respondents.length);
    // most answered first, ranges do not overlap
    for (let i = 1; i < bands.length; i++) expect(bands[i].most).toBeLessThan(bands[i - 1].fewest);
    const cells = bandCells(bands, meta.items);
    expect(cells).toHaveLength(bands.length * meta.items.length);
    expect(cells.every((c) => c.missing >= 0 && c.missing <= 1)).toBe(true);
  });
  test("a small last band joins the one before; too few respondents for any band is an error", () => {
    const people = [3, 3, 3, 3, 3, 2, 1].map((k, i) => ({respondent_id: String(i), size_class: "a", role: "r", weight: 1, q1: k >= 1 ? 1 : null, q2: k >= 2 ? 1 : null, q3: k >= 3 ? 1 : null}) as Respondent);
    expect(answerBands(people, ["q1", "q2", "q3"]).map((b) => [b.label, b.respondents.length])).toEqual([["1-3", 7]]);
    expect(answerBands(people, ["q1", "q2", "q3"], {minSize: 2}).map((b) => [b.label, b.respondents.length])).toEqual([["3", 5], ["1-2", 2]]);
    expect(() => answerBands(people.slice(0, 2), ["q1"])).toThrow("too few respondents for bands of 5: 2");
  });
  test("the report's rule is the data's scale column; a looser rule counts at least as many", () => {
    for (const row of scaleRuleRows(respondents, meta, 0.75)) {
      expect(row.all.n).toBe(respondents.filter((r) => r[row.scale.id] !== null).length);
      expect(row.loose.n).toBeGreaterThanOrEqual(row.all.n);
      expect(row.loose.n).toBe(respondents.filter((r) => scaleScore(r, row.scale.items, {minShare: 0.75}) !== null).length);
    }
  });
  test("per size class: a class with 1-4 scores under either rule is hidden, with the total", () => {
    const scale = meta.scales[0];
    const small = shrinkClass(scale.id, "50.001-100.000", 2).map((r) => (r.size_class === "50.001-100.000" && r[scale.id] === null ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, scale.items.includes(k) ? null : v])) as Respondent : r));
    const {rows, protection} = scaleRuleByClass(small, meta, scale, 0.75);
    expect(protection.hidden.has("50.001-100.000")).toBe(true);
    expect(rows.map((r) => r.group)).toEqual(meta.sizeClasses.filter((h) => h !== "50.001-100.000"));
    expect(scaleRuleByClass(respondents, meta, scale, 0.75).rows.map((r) => r.group)).toEqual([...meta.sizeClasses, "Totaal"]);
  });
});
