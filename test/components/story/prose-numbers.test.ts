// The numbers the chapters' sentences quote: from the same rows as the figures, in Dutch notation, and a hidden group
// reads as "(te weinig waarnemingen)" rather than a number.
import {describe, expect, it} from "vitest";
import {meanOf, meanText, scaleMeanText, shareOf, sharePercent, SUPPRESSED_IN_PROSE} from "../../../src/components/story/prose-numbers.ts";
import {TOTAL, type DistributionRow, type MeanRow} from "../../../src/components/story/model.ts";

const row = (group: string, code: number, share: number | null, suppressed = false): DistributionRow => ({item_id: "bes_agenda", group, code, label: String(code), count: null, share, n: null, suppressed});
const rows = [row(TOTAL, 1, 0.19), row(TOTAL, 2, 0.31), row(TOTAL, 3, 0.5), row(">100.000", 1, null, true), row(">100.000", 2, null, true)];
const mean = (group: string, value: number | null, n: number | null, suppressed = false): MeanRow => ({group, n, mean: value, se: null, low: null, high: null, suppressed});

describe("prose numbers", () => {
  it("adds the shares of the chosen answers and weighs the codes for a mean", () => {
    expect(shareOf(rows, "bes_agenda", [1, 2])).toBeCloseTo(0.5);
    expect(meanOf(rows, "bes_agenda")).toBeCloseTo(0.19 + 2 * 0.31 + 3 * 0.5);
    expect(sharePercent(rows, "bes_agenda", [1])).toBe("19%");
    expect(meanText(rows, "bes_agenda")).toBe("2,31");
  });

  it("says a hidden or absent group is too small, never a number", () => {
    expect(shareOf(rows, "bes_agenda", [1], ">100.000")).toBeNull();
    expect(sharePercent(rows, "bes_agenda", [1], ">100.000")).toBe(SUPPRESSED_IN_PROSE);
    expect(meanText(rows, "bes_agenda", ">100.000")).toBe(SUPPRESSED_IN_PROSE);
    expect(meanText(rows, "een_andere_vraag")).toBe(SUPPRESSED_IN_PROSE);
  });

  it("quotes a scale mean with its n, or the suppression text", () => {
    expect(scaleMeanText([mean(TOTAL, 2.2632, 101)])).toBe("2,26 over 101 gemeenten");
    expect(scaleMeanText([mean(TOTAL, null, null, true)])).toBe(SUPPRESSED_IN_PROSE);
  });
});
