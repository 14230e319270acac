// The protected tables answer the story exactly as the story's JavaScript engine does over the real responses, for
// every filter the pages offer, and hide the group of 4 and what it would follow from.
import {beforeAll, describe, expect, test} from "vitest";
import {sizeSelections, storyDesignOf} from "../../loaders/protect/protected-tables.ts";
import {storyEngine} from "../../src/components/story/engine.ts";
import {tablesEngine} from "../../src/components/story/engine-tables.ts";
import {TOTAL, type StoryFilter} from "../../src/components/story/model.ts";
import {SMALL_GROUP} from "../site/protected-export.ts";
import {protectedExportData} from "./protected-export-data.ts";

let data: Awaited<ReturnType<typeof protectedExportData>>;
beforeAll(async () => {
  data = await protectedExportData();
});

describe("protected tables", () => {
  test("every filter (size selections x roles x weighting): the same rows as the JavaScript engine over the real responses", async () => {
    const {design, roles, options} = storyDesignOf(data.codebook);
    const real = storyEngine({respondents: data.real, options, design});
    const tables = tablesEngine({tables: data.protection.tables, options, design});
    const items = data.codebook.items.map((i) => i.id);
    let compared = 0;
    for (const weighted of [false, true])
      for (const role of ["alle", ...roles])
        for (const sizes of sizeSelections(design.sizeClasses)) {
          const filter: StoryFilter = {sizes, role, weighted};
          for (const bySize of [false, true]) expect(await tables.distribution(filter, {items, bySize})).toEqual(await real.distribution(filter, {items, bySize}));
          for (const scale of data.codebook.scales) expect(await tables.means(filter, {scale: scale.id})).toEqual(await real.means(filter, {scale: scale.id}));
          compared++;
        }
    expect(compared).toBe(2 * (1 + roles.length) * 2 ** design.sizeClasses.length);
  });

  test("the group of 4 is hidden, with the other role of its size class and every total it counts in", async () => {
    const {design, options} = storyDesignOf(data.codebook);
    const engine = tablesEngine({tables: data.protection.tables, options, design});
    const all: StoryFilter = {sizes: [...design.sizeClasses], role: SMALL_GROUP.role, weighted: false};
    const rows = await engine.distribution(all, {items: ["uit_traditioneel"], bySize: true});
    const hidden = rows.filter((r) => r.suppressed).map((r) => r.group);
    expect(new Set(hidden)).toEqual(new Set([SMALL_GROUP.size_class, TOTAL]));
    expect(rows.filter((r) => r.suppressed).every((r) => r.count === null && r.n === null && r.share === null)).toBe(true);
    expect(data.protection.tables.cells[SMALL_GROUP.size_class]).toEqual(Object.fromEntries(Object.keys(data.protection.tables.cells[SMALL_GROUP.size_class]).map((r) => [r, null])));
    // The respondents per role would give the group by subtraction: left out.
    expect(data.protection.roleCounts).toEqual({});
  });

  test("hold no answers of a respondent: only counts, shares and means per group", () => {
    const text = JSON.stringify(data.protection.tables);
    expect(text).not.toMatch(/respondent_id|"r\d{3}"|EAS-/);
  });
});
