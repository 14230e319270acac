// Seeded fuzz of every reader: a few hundred damaged CSV, .sav and .xlsx exports (test/read/fuzz/make-corpus.ts),
// each read and validated in-process. Every case either parses or is refused with InputError(s) that carry a
// position (line, record, byte or part); never another exception. Cases whose damage only a check can see are
// refused; a valid file with mixed line ends is read. Hangs and aborts are counted out of process by
// `npx tsx test/read/fuzz/measure.ts`.
import {describe, expect, test} from "vitest";
import {makeCorpus} from "./make-corpus.ts";
import {readCase} from "./read-case.ts";

const corpus = await makeCorpus(20221, 100);

describe("fuzzed exports", () => {
  test("the corpus has a few hundred cases of each format", () => {
    for (const ext of [".csv", ".sav", ".xlsx"]) expect(corpus.filter((c) => c.file.endsWith(ext)).length).toBeGreaterThanOrEqual(100);
  });

  test("every damaged export parses or is refused with a position; never a crash", async () => {
    const outcomes: string[] = [];
    for (const c of corpus) {
      const outcome = await readCase(c);
      if (outcome.kind === "crash" || outcome.kind === "no position") outcomes.push(`${c.name}: ${outcome.kind}: ${outcome.message}`);
    }
    expect(outcomes).toEqual([]);
  });

  test.each(corpus.filter((c) => c.mustRefuse || c.mustParse).map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const outcome = await readCase(c);
    expect(outcome.kind).toBe(c.mustParse ? "parsed" : "refused");
  });
});
