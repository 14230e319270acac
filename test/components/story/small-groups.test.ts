// No group of 1-4 respondents can be recovered from what the story shows. Every story figure and table (every item
// of every figure, grouped by size class, and every scale of Tables 1-5) is finished under every filter combination
// (each subset of size classes x every role x unweighted/weighted), through both engines over the real Parquet.
// Each number shown is a linear equation in the unknown cell counts (and score sums) per size class x role; a small
// group is derivable exactly when its count or sum lies in the span of those equations. That covers subtraction
// within a view (total n·mean minus the visible groups) and across views (all roles minus one role; two size
// selections that differ by one class), and every combination of them. (The intervals add second moments, which
// are not linear in these unknowns; they are not part of this check.)
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {countAnswers, scaleMoments} from "../../../src/components/story/engine-js.ts";
import {countAnswersSql, scaleMomentsSql} from "../../../src/components/story/engine-sql.ts";
import {finishDistribution, finishMeans, TOTAL, type AnswerCell, type MeanRow, type MomentCell, type StoryFilter} from "../../../src/components/story/model.ts";
import {isSmallGroup} from "../../../src/components/stats/suppression.ts";
import {openSiteSurvey, sizeSubsets, type SiteSurvey} from "./site-survey.ts";

let survey: SiteSurvey;
/** The post-stratification weight of each size class (the weights are constant within a class; checked below). */
let classWeight: Record<string, number>;
beforeAll(async () => {
  survey = await openSiteSurvey();
  classWeight = Object.fromEntries(survey.meta.sizeClasses.map((h) => [h, Number(survey.respondents.find((r) => r.size_class === h)!.weight)]));
}, 120_000);
afterAll(() => survey?.close());

/** Every view a reader can ask for. */
function views(): StoryFilter[] {
  return sizeSubsets(survey.meta.sizeClasses).flatMap((sizes) => ["alle", ...survey.meta.roles].flatMap((role) => [false, true].map((weighted) => ({sizes, role, weighted}))));
}

/** The span of the equations seen so far (Gram-Schmidt), and whether a vector lies in it. */
class RowSpace {
  private basis: number[][] = [];
  constructor(private size: number) {}
  private reduce(v: number[]): number[] {
    const r = [...v];
    for (const b of this.basis) {
      const dot = r.reduce((s, x, i) => s + x * b[i], 0);
      for (let i = 0; i < this.size; i++) r[i] -= dot * b[i];
    }
    return r;
  }
  add(v: number[]): void {
    const scale = Math.hypot(...v);
    if (scale === 0) return;
    const r = this.reduce(v.map((x) => x / scale));
    const norm = Math.hypot(...r);
    if (norm > 1e-9) this.basis.push(r.map((x) => x / norm));
  }
  contains(v: number[]): boolean {
    const scale = Math.hypot(...v);
    return Math.hypot(...this.reduce(v.map((x) => x / scale))) < 1e-7;
  }
}

/** Unknowns: one per size class x role x `parts` (answer codes, or n and score sum). */
function unknowns(parts: number) {
  const {sizeClasses, roles} = survey.meta;
  const size = sizeClasses.length * roles.length * parts;
  const index = (h: string, r: string, p: number) => (sizeClasses.indexOf(h) * roles.length + roles.indexOf(r)) * parts + p;
  /** A linear form over the cells of a group (size classes x roles), with a coefficient per size class and part. */
  const form = (sizes: string[], roleList: string[], coefficient: (h: string, p: number) => number) => {
    const v = new Array(size).fill(0);
    for (const h of sizes) for (const r of roleList) for (let p = 0; p < parts; p++) v[index(h, r, p)] += coefficient(h, p);
    return v;
  };
  return {size, form};
}

const rolesOf = (filter: StoryFilter) => (filter.role === "alle" ? survey.meta.roles : [filter.role]);
const sizesOf = (group: string, filter: StoryFilter) => (group === TOTAL ? filter.sizes : [group]);

/** The small groups of a measure (counts per size class x role), each with the linear forms that would disclose it. */
function smallGroups(counts: (h: string, r: string) => number, parts: number, targets: (sizes: string[], roles: string[]) => number[][]) {
  const found: {name: string; forms: number[][]}[] = [];
  for (const h of survey.meta.sizeClasses) {
    for (const r of survey.meta.roles) if (isSmallGroup(counts(h, r))) found.push({name: `${h} ${r}`, forms: targets([h], [r])});
    const all = survey.meta.roles.reduce((s, r) => s + counts(h, r), 0);
    if (isSmallGroup(all)) found.push({name: `${h} alle`, forms: targets([h], survey.meta.roles)});
  }
  return found;
}

describe("no small group is shown or derivable on any story figure or table", () => {
  test("weights are constant within a size class (what the linear model of weighted shares assumes)", () => {
    for (const r of survey.respondents) expect(Number(r.weight)).toBeCloseTo(classWeight[r.size_class], 12);
  });

  test("answer distributions of every figure's items", async () => {
    const items = [...new Set(Object.values(survey.meta.figureItems).flat())];
    const raw = new Map<boolean, {js: AnswerCell[]; sql: AnswerCell[]}>();
    for (const weighted of [false, true]) raw.set(weighted, {js: countAnswers(survey.respondents, {items, weighted}), sql: await survey.rows<AnswerCell>(countAnswersSql({items, weighted}))});
    let smallFound = 0;
    for (const item of items) {
      const own = (cells: AnswerCell[]) => cells.filter((c) => c.item_id === item);
      const js = new Map([false, true].map((w) => [w, own(raw.get(w)!.js)]));
      const sql = new Map([false, true].map((w) => [w, own(raw.get(w)!.sql)]));
      const codes = survey.options(item).map((o) => o.code);
      const {size, form} = unknowns(codes.length);
      const space = new RowSpace(size);
      for (const filter of views()) {
        const args = {items: [item], options: survey.options, filter, design: survey.design, bySize: true};
        const rows = finishDistribution(js.get(filter.weighted)!, args);
        const viaSql = finishDistribution(sql.get(filter.weighted)!, args);
        expect(viaSql.map((r) => [r.group, r.code, r.count, r.n, r.suppressed])).toEqual(rows.map((r) => [r.group, r.code, r.count, r.n, r.suppressed]));
        for (const row of rows) {
          expect(row.n == null || !isSmallGroup(row.n), `${item} ${JSON.stringify(filter)} ${row.group}: n = ${row.n}`).toBe(true);
          if (row.suppressed) expect([row.n === null || row.n === 0, row.count === null || row.count === 0, row.share]).toEqual([true, true, null]);
        }
        for (const group of new Set(rows.map((r) => r.group))) {
          const shown = rows.filter((r) => r.group === group && !r.suppressed);
          if (!shown.length) continue;
          const sizes = sizesOf(group, filter);
          const roles = rolesOf(filter);
          space.add(form(sizes, roles, () => 1)); // the group's n
          for (const [k, code] of codes.entries()) {
            const row = shown.find((r) => r.code === code)!;
            space.add(form(sizes, roles, (_, p) => (p === k ? 1 : 0))); // the count of this answer
            if (row.share != null) {
              // weighted: Σ w_h·count_k - share·Σ w_h·n = 0 (unweighted: w = 1)
              const w = (h: string) => (filter.weighted ? classWeight[h] : 1);
              space.add(form(sizes, roles, (h, p) => w(h) * ((p === k ? 1 : 0) - row.share!)));
            }
          }
        }
      }
      const count = (h: string, r: string) => js.get(false)!.filter((c) => c.size_class === h && c.role === r).reduce((s, c) => s + c.count, 0);
      const targets = (sizes: string[], roles: string[]) => [form(sizes, roles, () => 1), ...codes.map((_, k) => form(sizes, roles, (__, p) => (p === k ? 1 : 0)))];
      for (const group of smallGroups(count, codes.length, targets)) {
        smallFound++;
        for (const [i, t] of group.forms.entries()) expect(space.contains(t), `${item}: ${group.name} ${i === 0 ? "n" : `count of code ${codes[i - 1]}`} is derivable`).toBe(false);
      }
    }
    // The data do have small groups (else this test would prove nothing).
    expect(smallFound).toBeGreaterThan(0);
  }, 300_000);

  test("scale means of Tables 1-5", async () => {
    let smallFound = 0;
    for (const scale of [...new Set(survey.meta.published.tables.map((t) => t.scale))]) {
      const raw = new Map<boolean, {js: MomentCell[]; sql: MomentCell[]}>();
      for (const weighted of [false, true]) raw.set(weighted, {js: scaleMoments(survey.respondents, {scale, weighted}), sql: await survey.rows<MomentCell>(scaleMomentsSql({scale, weighted}))});
      // Unknowns per size class x role: part 0 = n (respondents with a score), part 1 = the sum of their scores.
      const {size, form} = unknowns(2);
      const space = new RowSpace(size);
      for (const filter of views()) {
        const rows: MeanRow[] = finishMeans(raw.get(filter.weighted)!.js, {filter, design: survey.design});
        const viaSql = finishMeans(raw.get(filter.weighted)!.sql, {filter, design: survey.design});
        expect(viaSql.map((r) => [r.group, r.n, r.suppressed])).toEqual(rows.map((r) => [r.group, r.n, r.suppressed]));
        for (const [i, r] of rows.entries()) if (r.mean != null) expect(Math.abs(viaSql[i].mean! - r.mean)).toBeLessThan(1e-9);
        for (const row of rows) {
          expect(row.n == null || !isSmallGroup(row.n), `${scale} ${JSON.stringify(filter)} ${row.group}: n = ${row.n}`).toBe(true);
          if (row.suppressed) expect(row.n === null || row.n === 0).toBe(true);
          if (row.suppressed) continue;
          const sizes = sizesOf(row.group, filter);
          const roles = rolesOf(filter);
          space.add(form(sizes, roles, (_, p) => (p === 0 ? 1 : 0)));
          if (row.mean != null) {
            const w = (h: string) => (filter.weighted ? classWeight[h] : 1);
            space.add(form(sizes, roles, (h, p) => w(h) * (p === 1 ? 1 : -row.mean!)));
          }
        }
      }
      const count = (h: string, r: string) => raw.get(false)!.js.filter((c) => c.size_class === h && c.role === r).reduce((s, c) => s + c.n, 0);
      const targets = (sizes: string[], roles: string[]) => [form(sizes, roles, (_, p) => (p === 0 ? 1 : 0)), form(sizes, roles, (_, p) => (p === 1 ? 1 : 0))];
      for (const group of smallGroups(count, 2, targets)) {
        smallFound++;
        for (const [i, t] of group.forms.entries()) expect(space.contains(t), `${scale}: ${group.name} ${i === 0 ? "n" : "sum of scores"} is derivable`).toBe(false);
      }
    }
    expect(smallFound).toBeGreaterThan(0);
  }, 300_000);

  test("the check sees a derivable group: without the secondary rule, the hidden class follows from total minus the rest", () => {
    // Two size classes, one role: shown n of the total (12) and of A (9): B (3) is in the span.
    const space = new RowSpace(2);
    space.add([1, 1]);
    space.add([1, 0]);
    expect(space.contains([0, 1])).toBe(true);
    const closed = new RowSpace(2);
    closed.add([1, 0]);
    expect(closed.contains([0, 1])).toBe(false);
  });
});

