// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {coverageStatus} from "../../../src/components/lab/coverage-status.ts";
import {coverageRows, coverageSummary} from "../../../src/components/lab/coverage-chart.ts";
import type {CoverageResult} from "../../../src/components/stats/coverage.ts";

describe("coverageStatus", () => {
  test("says politely when a run starts, how far it is, and when it ends; its state is in data attributes", () => {
    const status = coverageStatus();
    const live = status.element.querySelector("[aria-live=polite]")!;
    status.start({seed: 42, scaleTitle: "Beschikbaarheid van kennis", engine: "worker", repetitions: 1000});
    expect(status.element.dataset).toMatchObject({state: "bezig", seed: "42", engine: "worker"});
    expect(live.textContent).toBe("Simulatie loopt (startwaarde 42, Beschikbaarheid van kennis).");
    status.progress(250, 1000);
    expect(status.element.querySelector("progress")!.value).toBe(250);
    expect(status.element.textContent).toContain("250 van 1.000 herhalingen");
    status.finish({seed: 42, repetitions: 1000, seconds: 2.25, engine: "worker"});
    expect(status.element.dataset.state).toBe("klaar");
    expect(live.textContent).toBe("Simulatie klaar: 1.000 herhalingen met startwaarde 42 in 2,3 s, op de achtergrond.");
    // the next run says that the figure still shows the previous one
    status.start({seed: 43, scaleTitle: "Beschikbaarheid van kennis", engine: "hoofdthread", repetitions: 1000});
    expect(live.textContent).toContain("nog de vorige uitkomst (startwaarde 42)");
    expect(status.element.querySelector("progress")!.getAttribute("aria-label")).toBe("Voortgang van de simulatie");
  });
});

const sim: CoverageResult = {
  repetitions: 1000, modelClassMeans: {}, modelMean: 2.3,
  populationMean: {fpc: 0.951, noFpc: 0.99}, modelMeanCovered: {fpc: 0.9, noFpc: 0.948}, halfWidth: {fpc: 0.08, noFpc: 0.1}
};

describe("coverage figure", () => {
  test("four rows with the simulation's own uncertainty around each share", () => {
    const rows = coverageRows(sim, 352);
    expect(rows.map((r) => r.p)).toEqual([0.951, 0.99, 0.9, 0.948]);
    expect(rows[0].target).toBe("(a) gemiddelde van de 352 gemeenten");
    const half = 1.959963984540054 * Math.sqrt((0.951 * 0.049) / 1000);
    expect(rows[0].upper - rows[0].p).toBeCloseTo(half, 12);
    expect(rows[0].p - rows[0].lower).toBeCloseTo(half, 12);
  });
  test("the summary carries the exact numbers and the Dutch percentages", () => {
    const p = coverageSummary(sim, {seed: 7, scale: "beschikbaarheid", sample: {a: 3}, populationTotal: 352});
    expect(p.dataset.seed).toBe("7");
    expect(p.dataset.coverage).toBe("0.951 0.99 0.9 0.948 0.08 0.1");
    expect(JSON.parse(p.dataset.sample!)).toEqual({a: 3});
    expect(p.querySelector("strong")!.textContent).toBe("95,1%");
  });
});
