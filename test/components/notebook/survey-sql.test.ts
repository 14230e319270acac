// The notebook's survey functions in SQL against R's survey package (test/fixtures/r/survey-domains.json) and
// against the survey core's domainMean on the site's data, on both DuckDB engines.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {siteData} from "../../../loaders/pipeline/site-data.ts";
import {registerSurveyFunctions, surveyFunctionStatements, tQuantileRows} from "../../../src/components/notebook/survey-sql.ts";
import {domainMean, stratumMoments} from "../../../src/components/stats/domain-mean.ts";
import {tQuantile} from "../../../src/components/stats/distributions.ts";
import {kishDesignEffect, kishEffectiveN} from "../../../src/components/stats/kish.ts";
import {MIN_GROUP_SIZE, protectGroups} from "../../../src/components/stats/suppression.ts";
import {sqlLiteral} from "../../../src/components/story/sql.ts";
import {expectClose} from "../../stats/fixtures.ts";
import {engines, type Engine} from "./engines.ts";

const fixture = JSON.parse(readFileSync("test/fixtures/r/survey-domains.json", "utf8"));
const scales = ["beschikbaarheid", "inwoners_betrekken", "externe_kennis"];
const columns = ["respondent_id", "size_class", "role", "weight", ...scales, "bes_behoeften"];

async function respondents() {
  const table = (await siteData()).tables.find((t) => t.name === "respondents")!;
  const names = table.columns.map((c) => c.name);
  return table.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))) as Record<string, any>[];
}

/** The respondents table of the site's data, as a VALUES statement both engines read the same way. */
async function loadRespondents(engine: Engine, rows: Record<string, any>[]) {
  const values = rows.map((r) => `(${columns.map((c) => sqlLiteral(r[c])).join(", ")})`).join(",\n");
  const types = (c: string) => (c === "weight" || scales.includes(c) ? "DOUBLE" : c === "bes_behoeften" ? "INTEGER" : "VARCHAR");
  await engine.run(`CREATE TABLE respondents AS SELECT ${columns.map((c) => `CAST(${c} AS ${types(c)}) AS ${c}`).join(", ")} FROM (VALUES ${values}) t(${columns.join(", ")})`);
}

const finite = (x: unknown) => {
  expect(typeof x).toBe("number");
  return x as number;
};

for (const makeEngine of engines) {
  describe(`survey functions in ${makeEngine.name}`, async () => {
    const rows = await respondents();
    const meta = (await siteData()).meta;
    const population = meta.population.sizeClassCounts;
    const strata = rows.map((r) => r.size_class as string);
    let engine: Engine;
    // the estimator is compared with R and domainMean with the small-group rule set aside (some of R's domains, such
    // as one role over all size classes, draw on a class where a role has 1-4 answers); the rule's own tests below
    // register the functions as the page does
    beforeAll(async () => {
      engine = await makeEngine();
      await loadRespondents(engine, rows);
      await registerSurveyFunctions((sql) => engine.run(sql), {population, minGroupSize: 1});
    }, 120_000);
    afterAll(() => engine?.close());

    it("runs on a DuckDB that supports table macros over query_table and COLUMNS", async () => {
      const [{v}] = await engine.rows("SELECT version() AS v");
      expect(v).toMatch(/^v1\.[45]\./);
    });

    it("the t quantile table is jStat's, and the expansion above it continues it", async () => {
      const q = await engine.rows("SELECT survey_t975(1) AS a, survey_t975(97) AS b, survey_t975(1000) AS c, survey_t975(1001) AS d, survey_t975(5000) AS e, survey_t975(0) AS f");
      const table = new Map(tQuantileRows());
      expect(q[0].a).toBe(table.get(1));
      expect(q[0].b).toBe(table.get(97));
      expect(q[0].c).toBe(table.get(1000));
      // R: qt(0.975, c(1001, 5000)) = 1.9623367052808791 1.9604385517065075; jStat is about 5e-8 below both
      expectClose([finite(q[0].d), finite(q[0].e)], [1.9623367052808791, 1.9604385517065075], 1e-9);
      expectClose([finite(q[0].d), finite(q[0].e)], [tQuantile(0.975, 1001), tQuantile(0.975, 5000)], 1e-7);
      expect(q[0].f).toBeNull();
    });

    for (const ref of fixture.rows) {
      it(`survey_mean = R svymean: ${ref.scale}, ${ref.weighting}, ${ref.domain}`, async () => {
        const where = [ref.size_class ? `size_class = ${sqlLiteral(ref.size_class)}` : "TRUE", ref.role ? `role = ${sqlLiteral(ref.role)}` : "TRUE"].join(" AND ");
        await engine.run(`CREATE OR REPLACE TEMP TABLE domein AS SELECT * FROM respondents WHERE ${where}`);
        const [est] = await engine.rows(`FROM survey_mean('domein', ${sqlLiteral(ref.scale)}, weighted := ${ref.weighting === "weighted"})`);
        expect(est.n).toBe(ref.n);
        expect(est.df).toBe(ref.df);
        expect(est.suppressed).toBe(false);
        expectClose([finite(est.mean), finite(est.se)], [ref.mean, ref.se], 1e-10);
        expectClose([finite(est.lower), finite(est.upper)], [ref.lower_t, ref.upper_t], 1e-8);
      });
    }

    for (const scale of scales) {
      for (const weighted of [true, false]) {
        it(`survey_mean_by = domainMean per size class and per role: ${scale}, ${weighted ? "weighted" : "unweighted"}`, async () => {
          for (const by of ["size_class", "role"]) {
            const sql = await engine.rows(`FROM survey_mean_by('respondents', ${sqlLiteral(scale)}, ${sqlLiteral(by)}, weighted := ${weighted})`);
            const groups = [...new Set(rows.map((r) => r[by] as string))].sort();
            expect(sql.map((r) => r.groep)).toEqual(groups);
            for (const row of sql) {
              const domain = rows.map((r) => r[by] === row.groep);
              const values = rows.map((r) => r[scale] as number | null);
              const weights = weighted ? rows.map((r) => r.weight as number) : null;
              const ts = domainMean(stratumMoments(values, strata, weights, domain), population);
              expect(row.n).toBe(ts.n);
              expect(row.df).toBe(ts.df);
              expectClose([finite(row.mean), finite(row.se), finite(row.lower), finite(row.upper)], [ts.mean, ts.se, ts.lower, ts.upper], 1e-10);
              const w = rows.filter((r, i) => domain[i] && values[i] !== null).map((r) => (weighted ? (r.weight as number) : 1));
              expectClose([finite(row.deff), finite(row.n_eff)], [kishDesignEffect(w), kishEffectiveN(w)], 1e-10);
            }
          }
        });
      }
    }

    it("survey_share is the domain mean of answering the code (1) or another code (0)", async () => {
      const sql = await engine.rows("FROM survey_share_by('respondents', 'bes_behoeften', 4, 'size_class')");
      for (const row of sql) {
        const domain = rows.map((r) => r.size_class === row.groep);
        const values = rows.map((r) => (r.bes_behoeften === null ? null : r.bes_behoeften === 4 ? 1 : 0));
        const ts = domainMean(stratumMoments(values, strata, rows.map((r) => r.weight as number), domain), population);
        expect(row.n).toBe(ts.n);
        expectClose([finite(row.share), finite(row.se), finite(row.lower), finite(row.upper)], [ts.mean, ts.se, ts.lower, ts.upper], 1e-10);
      }
      const [all] = await engine.rows("FROM survey_share('respondents', 'bes_behoeften', 4, weighted := false)");
      const answered = rows.filter((r) => r.bes_behoeften !== null);
      expect(all.share).toBeCloseTo(answered.filter((r) => r.bes_behoeften === 4).length / answered.length, 14);
    });

    it(`hides a size class with 1-${MIN_GROUP_SIZE - 1} answers, value and count, and every total that includes it`, async () => {
      await registerSurveyFunctions((sql) => engine.run(sql), {population});
      // a domain of 3 respondents in the largest size class, and a size class of 3 next to bigger ones
      await engine.run("CREATE OR REPLACE TEMP TABLE drie AS SELECT * FROM respondents WHERE size_class = '>100.000' AND beschikbaarheid IS NOT NULL ORDER BY respondent_id LIMIT 3");
      const [small] = await engine.rows("FROM survey_mean('drie', 'beschikbaarheid')");
      expect(small).toEqual({n: null, mean: null, se: null, lower: null, upper: null, df: null, deff: null, n_eff: null, suppressed: true});
      await engine.run("CREATE OR REPLACE TEMP TABLE scheef AS SELECT * FROM respondents WHERE size_class <> '>100.000' UNION ALL FROM drie");
      const byClass = await engine.rows("FROM survey_mean_by('scheef', 'beschikbaarheid', 'size_class')");
      // the story's rule: the class of 3 is hidden, and so is the total (it would give the class by subtraction), so
      // the other classes stay shown
      expect(byClass.filter((r) => r.suppressed).map((r) => r.groep)).toEqual([">100.000"]);
      expect(byClass.filter((r) => !r.suppressed).map((r) => r.groep)).toEqual(["25.001-50.000", "50.001-100.000", "<25.000"]);
      expect([byClass[3].n, byClass[3].mean, byClass[3].se, byClass[3].lower, byClass[3].upper]).toEqual([null, null, null, null, null]);
      const [total] = await engine.rows("FROM survey_mean('scheef', 'beschikbaarheid')");
      expect(total.suppressed).toBe(true);
      // nothing hidden when every class has 5 or more
      expect((await engine.rows("FROM survey_mean_by('respondents', 'beschikbaarheid', 'size_class')")).some((r) => r.suppressed)).toBe(false);
    });

    it("hides, in every view the story offers, exactly the size classes and totals the story's rule hides", async () => {
      await registerSurveyFunctions((sql) => engine.run(sql), {population});
      const sizeClasses = meta.sizeClasses;
      const selections = Array.from({length: 2 ** sizeClasses.length - 1}, (_, i) => sizeClasses.filter((_, j) => ((i + 1) >> j) & 1));
      const checked = {hidden: 0, views: 0};
      for (const scale of scales) {
        for (const sizes of selections) {
          await engine.run(`CREATE OR REPLACE TEMP TABLE gekozen AS SELECT * FROM respondents WHERE list_contains(${sqlLiteral(sizes)}, size_class)`);
          const cells = rows.filter((r) => sizes.includes(r.size_class) && r[scale] !== null).map((r) => ({sizeClass: r.size_class as string, role: r.role as string, n: 1}));
          for (const role of ["alle", ...meta.roles]) {
            const expected = protectGroups({cells, sizes, role});
            const oneRole = role === "alle" ? "NULL" : sqlLiteral(role);
            const byClass = await engine.rows(`FROM survey_mean_by('gekozen', ${sqlLiteral(scale)}, 'size_class', one_role := ${oneRole})`);
            const [total] = await engine.rows(`FROM survey_mean('gekozen', ${sqlLiteral(scale)}, one_role := ${oneRole})`);
            const view = `${scale} ${sizes} ${role}`;
            expect(byClass.filter((r) => r.suppressed).map((r) => r.groep), view).toEqual([...expected.hidden].sort());
            expect(total.suppressed, view).toBe(expected.totalHidden);
            checked.hidden += expected.hidden.size;
            checked.views++;
          }
        }
      }
      // the views include one-role views where a class is hidden for another role's 1-4 answers
      expect(checked.hidden).toBeGreaterThan(0);
      expect(checked.views).toBe(scales.length * selections.length * (meta.roles.length + 1));
    });

    it("where a grouping cuts through size classes, one hidden group beside a shown total hides the next smallest non-empty group", async () => {
      await registerSurveyFunctions((sql) => engine.run(sql), {population});
      // 'klein': 3 respondents of one class; 'leeg': respondents without a score (nothing to hide); the rest by class
      await engine.run(`CREATE OR REPLACE TEMP TABLE gesneden AS SELECT *, CASE
          WHEN respondent_id IN (SELECT respondent_id FROM respondents WHERE size_class = '25.001-50.000' AND beschikbaarheid IS NOT NULL ORDER BY respondent_id LIMIT 3) THEN 'klein'
          WHEN beschikbaarheid IS NULL THEN 'leeg' WHEN size_class = '<25.000' THEN 'midden' ELSE 'groot' END AS kleur
        FROM respondents`);
      const groups = await engine.rows("FROM survey_mean_by('gesneden', 'beschikbaarheid', 'kleur')");
      const [total] = await engine.rows("FROM survey_mean('gesneden', 'beschikbaarheid')");
      expect(total.suppressed).toBe(false);
      const counts = await engine.rows("SELECT kleur, count(beschikbaarheid)::INTEGER AS n FROM gesneden GROUP BY ALL");
      const n = (kleur: string) => counts.find((c) => c.kleur === kleur)!.n as number;
      const nextSmallest = n("midden") < n("groot") ? "midden" : "groot";
      expect(groups.filter((r) => r.suppressed).map((r) => r.groep).sort()).toEqual(["klein", nextSmallest].sort());
      expect(groups.find((r) => r.groep === "leeg")).toMatchObject({n: null, suppressed: false});
    });

    it("refuses a table that holds a municipality twice (a long table's total over several questions)", async () => {
      await engine.run("CREATE OR REPLACE TEMP TABLE dubbel AS FROM respondents UNION ALL FROM respondents");
      await expect(engine.rows("FROM survey_mean('dubbel', 'beschikbaarheid')")).rejects.toThrow(/meer rijen dan er gemeenten zijn: staat een gemeente er twee keer in\?/);
    });

    it("reads a column by its exact name, and says so when it does not exist", async () => {
      await engine.run("CREATE OR REPLACE TEMP TABLE twee AS SELECT *, beschikbaarheid * 0 AS beschikbaarheid2 FROM respondents");
      const [a] = await engine.rows("FROM survey_mean('twee', 'beschikbaarheid')");
      const [b] = await engine.rows("FROM survey_mean('respondents', 'beschikbaarheid')");
      // equal up to the order in which DuckDB's threads add up the sums
      expect([a.n, a.df, a.suppressed]).toEqual([b.n, b.df, b.suppressed]);
      expectClose([finite(a.mean), finite(a.se), finite(a.deff)], [finite(b.mean), finite(b.se), finite(b.deff)], 1e-12);
      await expect(engine.rows("FROM survey_mean('respondents', 'bestaat_niet')")).rejects.toThrow(/bestaat_niet/);
    });

    it("refuses a size class without a population count", async () => {
      await engine.run("CREATE OR REPLACE TEMP TABLE vreemd AS SELECT * REPLACE ('onbekend' AS size_class) FROM respondents");
      await expect(engine.rows("FROM survey_mean('vreemd', 'beschikbaarheid')")).rejects.toThrow(/grootteklasse onbekend staat niet in de tabel populatie/);
    });
  });
}

describe("surveyFunctionStatements", () => {
  it("refuses a population that cannot be a design", () => {
    expect(() => surveyFunctionStatements({population: {}})).toThrow("invalid population: no size classes");
    expect(() => surveyFunctionStatements({population: {a: 0}})).toThrow("invalid population count for a: 0");
  });
});
