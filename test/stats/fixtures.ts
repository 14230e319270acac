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

/**
 * The difference of one cell: NaN never compares equal (not to a number, not to R's NA, not to another NaN), and
 * infinities match only the same infinity. R's NA arrives as null and matches only null.
 */
function cellDifference(actual: unknown, expected: number | null): number {
  if (expected === null) return actual === null ? 0 : Infinity;
  if (typeof actual !== "number" || Number.isNaN(actual) || Number.isNaN(expected)) return Infinity;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected ? 0 : Infinity;
  return Math.abs(actual - expected);
}

function largestDifference(actual: unknown, expected: Nested, path = ""): {path: string; diff: number} {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return {path: `${path} (shape)`, diff: Infinity};
    let worst = {path, diff: 0};
    expected.forEach((e, i) => {
      const d = largestDifference(actual[i], e, `${path}[${i}]`);
      if (d.diff > worst.diff) worst = d;
    });
    return worst;
  }
  const diff = cellDifference(actual, expected);
  return {path: diff === Infinity ? `${path} (actual ${String(actual)}, expected ${String(expected)})` : path, diff};
}

/** Every number in `actual` lies within `tolerance` of the same cell in `expected`; NaN anywhere fails. */
export function expectClose(actual: unknown, expected: unknown, tolerance = 1e-6): void {
  const {path, diff} = largestDifference(actual, expected as Nested);
  expect(diff, `largest difference ${diff} at ${path || "(root)"}`).toBeLessThanOrEqual(tolerance);
}
