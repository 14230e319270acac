// `npm run reconstruct` must reproduce the committed CSV byte for byte, and the model must keep its promises.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {reconstruct} from "../../loaders/reconstruct/reconstruct.ts";
import {reconstructionCsv} from "../../loaders/write/reconstruction-csv.ts";
import {largestRemainder} from "../../loaders/reconstruct/largest-remainder.ts";
import {assignByRank, factorCorrelationMatrix} from "../../loaders/reconstruct/latent-model.ts";
import {seededRandom} from "../../loaders/reconstruct/random.ts";

const codebook = loadCodebook();
const published = JSON.parse(readFileSync(new URL("../../data/published.json", import.meta.url), "utf8"));

describe("reconstruct", () => {
  const result = reconstruct(codebook, published.tables);

  it("reproduces the committed data/raw/responses.csv byte for byte", () => {
    const committed = readFileSync(new URL("../../data/raw/responses.csv", import.meta.url), "utf8");
    expect(reconstructionCsv(result.respondents, codebook)).toBe(committed);
  });

  it("is deterministic: a second run gives the same respondents", () => {
    expect(reconstruct(codebook, published.tables).respondents).toEqual(result.respondents);
  });

  it("moves only a few answers in calibration (the model carries the structure, not the nudges)", () => {
    const answers = result.respondents.reduce((a, r) => a + Object.values(r.answers).filter((v) => v !== null).length, 0);
    const moved = Object.values(result.calibrationMoves).reduce((a, b) => a + b, 0);
    expect(moved / answers).toBeLessThan(0.02);
  });

  it("keeps every k-anonymity cell of size class x role at 5 or more", () => {
    const cells = new Map<string, number>();
    for (const r of result.respondents) cells.set(`${r.sizeClass}|${r.role}`, (cells.get(`${r.sizeClass}|${r.role}`) ?? 0) + 1);
    expect(cells.size).toBe(8);
    for (const [cell, n] of cells) expect(n, cell).toBeGreaterThanOrEqual(5);
  });
});

describe("model pieces", () => {
  it("largestRemainder keeps the total and the closest shares", () => {
    expect(largestRemainder(104, [0.19, 0.5, 0.26, 0.05])).toEqual([20, 52, 27, 5]);
    expect(largestRemainder(10, [1, 1, 1]).reduce((a, b) => a + b)).toBe(10);
  });
  it("assignByRank gives the lowest latent values the lowest codes, with exact counts", () => {
    const codes = assignByRank([{key: 0, value: 2}, {key: 1, value: -1}, {key: 2, value: 0.5}], [1, 2], [1, 2]);
    expect([...codes].sort()).toEqual([[0, 2], [1, 1], [2, 2]]);
    expect(() => assignByRank([{key: 0, value: 0}], [2], [1])).toThrow(/add up/);
  });
  it("the factor correlation matrix is a valid correlation matrix", () => {
    const r = factorCorrelationMatrix();
    r.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(r[j][i])));
    r.forEach((row, i) => expect(row[i]).toBe(1));
  });
  it("seeded random draws repeat", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    expect([a.normal(), a.uniform(), a.integer(10)]).toEqual([b.normal(), b.uniform(), b.integer(10)]);
  });
});
