// One engine for any target tables: what it promises for each kind of target, run on the two target sets the project
// has (the report's printed numbers, the protected tables of a real-looking export).
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, test} from "vitest";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {calibrateToTargets} from "../../loaders/reconstruct/engine.ts";
import {printedTargets} from "../../loaders/reconstruct/printed-targets.ts";
import type {PublishedTable} from "../../src/components/survey/survey-meta.ts";
import {seededRandom} from "../../loaders/reconstruct/random.ts";
import {inGroup, type TargetTables} from "../../loaders/reconstruct/target-tables.ts";
import {protectedTargets} from "../../loaders/protect/protected-targets.ts";
import {roundsTo} from "../../loaders/published/rounds-to.ts";
import {protectedExportData} from "../protect/protected-export-data.ts";

const codebook = loadCodebook();
const published = JSON.parse(readFileSync(new URL("../../data/published.json", import.meta.url), "utf8")) as {tables: PublishedTable[]};
const idsOf = (scale: string) => codebook.items.filter((i) => i.scale === scale).map((i) => i.id);

describe("printed targets (the reconstruction)", () => {
  const targets = printedTargets(codebook, published.tables);
  const result = calibrateToTargets(targets, {codebook, random: seededRandom(7)});

  test("any seed meets every printed mean and total at printed precision, with the printed n's", () => {
    expect(result.misses).toEqual([]);
    for (const {scale, groups, total} of targets.scales) {
      const ids = idsOf(scale);
      let sum = 0;
      let n = 0;
      for (const {group, complete, score} of groups) {
        const scores = result.respondents.filter((m) => inGroup(group, m) && ids.every((id) => result.answers[m.index][id] != null));
        const groupSum = scores.reduce((a, m) => a + ids.reduce((b, id) => b + result.answers[m.index][id]!, 0), 0);
        expect(scores.length).toBe(complete);
        if (score?.kind !== "printed") throw new Error("expected printed targets");
        expect(roundsTo(groupSum, complete * ids.length, score.mean, score.decimals), `${scale} ${group.sizeClass}`).toBe(true);
        sum += groupSum;
        n += complete;
      }
      expect(roundsTo(sum, n * ids.length, total!.mean, 2), `${scale} total`).toBe(true);
    }
  });

  test("exact answer counts are met and never moved; a top share gives round(share x answering) in each size class", () => {
    for (const [item, itemTargets] of Object.entries(targets.answers))
      for (const target of itemTargets) {
        const codes = result.respondents.filter((m) => inGroup(target, m)).map((m) => result.answers[m.index][item]).filter((c) => c != null);
        if (target.kind === "counts") expect(target.counts.map((_, k) => codes.filter((c) => c === k + 1).length), item).toEqual(target.counts);
        if (target.kind === "top share") expect(codes.filter((c) => c === 1).length, `${item} ${target.sizeClass}`).toBe(Math.round(target.share * codes.length));
      }
  });
});

describe("exact targets (protected tables)", () => {
  let targets: TargetTables;
  beforeAll(async () => {
    const data = await protectedExportData();
    const counts = Object.fromEntries(data.protection.tables.sizeClasses.map((s) => [s, data.real.filter((r) => r.size_class === s).length]));
    targets = protectedTargets({tables: data.protection.tables, codebook, sizeClassCounts: counts});
  });

  test("each shown group's sum of scores and sum of squares is met exactly", () => {
    const result = calibrateToTargets(targets, {codebook, random: seededRandom(11)});
    expect(result.misses).toEqual([]);
    let checked = 0;
    for (const {scale, groups} of targets.scales)
      for (const {group, score} of groups) {
        if (score?.kind !== "exact") continue;
        const ids = idsOf(scale);
        const sums = result.respondents.filter((m) => inGroup(group, m) && ids.every((id) => result.answers[m.index][id] != null)).map((m) => ids.reduce((a, id) => a + result.answers[m.index][id]!, 0));
        expect(sums.reduce((a, b) => a + b, 0)).toBe(score.sum);
        if (score.squares !== undefined) expect(sums.reduce((a, b) => a + b * b, 0)).toBe(score.squares);
        checked++;
      }
    expect(checked).toBeGreaterThan(20);
  });

  test("a target no answers can meet is reported, not passed over", () => {
    const impossible = structuredClone(targets);
    const group = impossible.scales[0].groups.find((g) => g.score?.kind === "exact")!;
    if (group.score?.kind === "exact") group.score.sum += 10_000;
    expect(calibrateToTargets(impossible, {codebook, random: seededRandom(11)}).misses).toEqual([expect.stringMatching(/som van de scores$/)]);
  });
});
