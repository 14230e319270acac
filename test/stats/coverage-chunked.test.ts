// The non-blocking paths of the coverage simulation (coverage.ts stepwise run and chunked run, coverage-worker.ts
// protocol, coverage-runner.ts with a stand-in worker) give exactly the numbers of the synchronous coverageSimulation,
// which itself still gives the numbers of the implementation before the split (golden values below).
import {describe, it, expect} from "vitest";
import {readFileSync} from "node:fs";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {exportReconstructionModel} from "../../loaders/reconstruct/model-export.ts";
import {coverageSimulation, coverageRun, coverageSimulationChunked, type CoverageOptions} from "../../src/components/stats/coverage.ts";
import {handleCoverageRequest, type CoverageMessage, type CoverageRequest} from "../../src/components/stats/coverage-worker.ts";
import {coverageRunner, type CoverageWorkerLike} from "../../src/components/stats/coverage-runner.ts";

const published = JSON.parse(readFileSync("data/published.json", "utf8"));
const model = exportReconstructionModel(loadCodebook(), published.tables);
const population = {"<25.000": 123, "25.001-50.000": 141, "50.001-100.000": 56, ">100.000": 32};
const sample = {"<25.000": 28, "25.001-50.000": 40, "50.001-100.000": 13, ">100.000": 20};
const options: CoverageOptions = {scale: "beschikbaarheid", population, sample, repetitions: 200, seed: 42, truthDraws: 2000};
const expected = coverageSimulation(model, options);

/** A stand-in for a module worker: runs the real message handler and delivers its messages asynchronously. */
function fakeWorker(log: string[] = []): CoverageWorkerLike {
  let terminated = false;
  const w: CoverageWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request: CoverageRequest) {
      log.push("post");
      const messages: CoverageMessage[] = [];
      handleCoverageRequest(structuredClone(request), (m) => messages.push(structuredClone(m)));
      messages.forEach((m, k) => setTimeout(() => !terminated && w.onmessage?.({data: m}), k));
    },
    terminate() {
      terminated = true;
      log.push("terminate");
    }
  };
  return w;
}

describe("coverage simulation in steps", () => {
  it("the synchronous function still gives the numbers of the implementation before it was split into steps", () => {
    // computed with src/components/stats/coverage.ts at commit 757dd7c (one loop), same options
    // half-widths to 12 digits: the interval's arithmetic (domain-mean.ts) may reorder sums in the last bits
    expect(expected.halfWidth.fpc).toBeCloseTo(0.09145932593627489, 12);
    expect(expected.halfWidth.noFpc).toBeCloseTo(0.10662404121148829, 12);
    expect({...expected, halfWidth: null}).toEqual({
      repetitions: 200,
      modelClassMeans: {"<25.000": 2.1990625, "25.001-50.000": 2.2593125, "50.001-100.000": 2.55125, ">100.000": 2.0675},
      modelMean: 2.267266335227273,
      populationMean: {fpc: 0.965, noFpc: 0.985},
      modelMeanCovered: {fpc: 0.905, noFpc: 0.96},
      halfWidth: null
    });
  });

  it("uneven steps give exactly the synchronous result", () => {
    const run = coverageRun(model, options);
    for (const k of [1, 49, 0, 73, 500]) run.step(k);
    expect(run.done).toBe(200);
    expect(run.step(10)).toBe(200);
    expect(run.result()).toEqual(expected);
  });

  it("the chunked run gives exactly the synchronous result, reports progress and lets timers run in between", async () => {
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const result = await coverageSimulationChunked(model, options, {chunkSize: 50, onProgress: (done) => progress.push(done)});
    clearInterval(timer);
    expect(result).toEqual(expected);
    expect(progress).toEqual([0, 50, 100, 150, 200]);
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it("the chunked run stops when aborted", async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const run = coverageSimulationChunked(model, options, {chunkSize: 50, signal: controller.signal, onProgress: (done) => (progress.push(done), done === 50 && controller.abort())});
    await expect(run).rejects.toMatchObject({name: "AbortError"});
    expect(progress).toEqual([0, 50]);
  });

  it("the worker's message handler posts progress per chunk and exactly the synchronous result", () => {
    const messages: CoverageMessage[] = [];
    handleCoverageRequest({id: 7, model, options, chunkSize: 64}, (m) => messages.push(m));
    expect(messages.filter((m) => m.type === "progress").map((m) => (m as any).done)).toEqual([0, 64, 128, 192, 200]);
    const last = messages.at(-1)!;
    expect(last).toEqual({id: 7, type: "result", result: expected});
    // and the result survives the structured clone a worker message goes through
    expect(structuredClone(last)).toEqual(last);
  });

  it("the worker's handler reports errors as messages", () => {
    const messages: CoverageMessage[] = [];
    handleCoverageRequest({id: 1, model, options: {...options, scale: "bestaat_niet"}}, (m) => messages.push(m));
    expect(messages).toEqual([{id: 1, type: "error", message: "model has no items for scale bestaat_niet"}]);
  });
});

describe("coverageRunner", () => {
  it("runs in the worker and gives exactly the synchronous result", async () => {
    const runner = coverageRunner(model, {createWorker: () => fakeWorker()});
    const progress: number[] = [];
    const job = runner.run(options, (done) => progress.push(done));
    expect(job.engine).toBe("worker");
    expect(await job.result).toEqual(expected);
    expect(progress.at(-1)).toBe(200);
    runner.close();
  });

  it("a new run cancels the running one: its promise rejects, the worker is terminated and a fresh one does the new run", async () => {
    const log: string[] = [];
    let started = 0;
    const runner = coverageRunner(model, {createWorker: () => (started++, fakeWorker(log))});
    const first = runner.run(options);
    const second = runner.run({...options, seed: 43});
    await expect(first.result).rejects.toMatchObject({name: "AbortError"});
    expect(await second.result).toEqual(coverageSimulation(model, {...options, seed: 43}));
    expect(log).toEqual(["post", "terminate", "post"]);
    expect(started).toBe(2);
    // a finished job is not cancelled by the next run, and the worker is reused
    await runner.run({...options, seed: 42}).result;
    expect(started).toBe(2);
    runner.close();
  });

  it("without a worker it runs on the main thread in chunks, with the same numbers", async () => {
    const runner = coverageRunner(model, {createWorker: () => null});
    const job = runner.run(options);
    expect(job.engine).toBe("hoofdthread");
    expect(await job.result).toEqual(expected);
  });

  it("if the worker fails to load, the run finishes on the main thread", async () => {
    const broken: CoverageWorkerLike = {onmessage: null, onerror: null, postMessage() { setTimeout(() => broken.onerror?.(new Error("404")), 0); }, terminate() {}};
    const runner = coverageRunner(model, {createWorker: () => broken});
    const warn = console.warn;
    console.warn = () => {};
    try {
      const job = runner.run(options);
      expect(await job.result).toEqual(expected);
      expect(job.engine).toBe("hoofdthread");
      const next = runner.run(options);
      expect(next.engine).toBe("hoofdthread");
      runner.close();
      await expect(next.result).rejects.toMatchObject({name: "AbortError"});
    } finally {
      console.warn = warn;
    }
  });
});
