// Shared helpers for the library-vs-R tests: load a fixture written by scripts/r/reference.R and compare
// nested arrays of numbers within a tolerance, naming the first cell that differs.
import {readFileSync, existsSync} from "node:fs";
import {resolve} from "node:path";
import {expect} from "vitest";

const fixtureDir = resolve(import.meta.dirname, "../fixtures/r");

export function fixturePath(name: string): string {
  return resolve(fixtureDir, name);
}

export function hasFixture(name: string): boolean {
  return existsSync(fixturePath(name));
}

export function loadFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(name), "utf8")) as T;
}

type Nested = number | null | Nested[];

function largestDifference(actual: Nested, expected: Nested, path = ""): {path: string; diff: number} {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return {path: `${path} (shape)`, diff: Infinity};
    let worst = {path, diff: 0};
    expected.forEach((e, i) => {
      const d = largestDifference(actual[i], e, `${path}[${i}]`);
      if (d.diff > worst.diff) worst = d;
    });
    return worst;
  }
  if (expected === null) return {path, diff: actual === null || Number.isNaN(actual as number) ? 0 : Infinity};
  if (typeof actual !== "number") return {path: `${path} (not a number)`, diff: Infinity};
  return {path, diff: Math.abs(actual - expected)};
}

/** Every number in `actual` lies within `tolerance` of the same cell in `expected`. */
export function expectClose(actual: unknown, expected: unknown, tolerance = 1e-6): void {
  const {path, diff} = largestDifference(actual as Nested, expected as Nested);
  expect(diff, `largest difference ${diff} at ${path || "(root)"}`).toBeLessThanOrEqual(tolerance);
}
