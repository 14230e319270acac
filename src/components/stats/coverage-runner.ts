// Runs the coverage simulation (coverage.ts) off the main thread: in a Web Worker (coverage-worker.ts), or, where no
// worker can be started, on the main thread in chunks of 50 repetitions that yield to the event loop in between.
// Both give exactly the numbers of `coverageSimulation` for the same options (same seeded code, same order).
// A new run cancels the one still running (the worker is terminated and a fresh one started for the next run);
// a cancelled run's promise rejects with an AbortError, so a reactive cell waiting on it can recompute.
import {coverageSimulationChunked, type CoverageOptions, type CoverageResult} from "./coverage.js";
import type {CoverageMessage, CoverageRequest} from "./coverage-worker.js";
import type {SamplerModel} from "./simulate-model.js";

export type CoverageEngine = "worker" | "hoofdthread";

/** The part of a Worker the runner uses (a real Worker, or a stand-in in tests). */
export interface CoverageWorkerLike {
  postMessage(request: CoverageRequest): void;
  terminate(): void;
  onmessage: ((event: {data: CoverageMessage}) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface CoverageJob {
  /** Where this run executes. */
  engine: CoverageEngine;
  result: Promise<CoverageResult>;
  /** Stops the run (no-op when it has finished). */
  cancel(): void;
}

export interface CoverageRunnerOptions {
  /** Starts a worker; return null (or throw) to use the main thread. Default: the module worker coverage-worker.js. */
  createWorker?: () => CoverageWorkerLike | null;
  chunkSize?: number;
}

export interface CoverageRunner {
  run(options: CoverageOptions, onProgress?: (done: number, repetitions: number) => void): CoverageJob;
  /** Cancels any running job and stops the worker. */
  close(): void;
}

const cancelled = () => new DOMException("coverage simulation cancelled", "AbortError");

export function defaultCoverageWorker(): CoverageWorkerLike | null {
  if (typeof Worker === "undefined") return null;
  return new Worker(import.meta.resolve("./coverage-worker.js"), {type: "module"}) as unknown as CoverageWorkerLike;
}

export function coverageRunner(model: SamplerModel, {createWorker = defaultCoverageWorker, chunkSize = 50}: CoverageRunnerOptions = {}): CoverageRunner {
  let worker: CoverageWorkerLike | null = null;
  let workerFailed = false;
  let current: CoverageJob | null = null;
  let nextId = 0;

  const startWorker = (): CoverageWorkerLike | null => {
    if (worker || workerFailed) return worker;
    try {
      worker = createWorker();
    } catch (error) {
      console.warn("coverage worker unavailable, running on the main thread", error);
      worker = null;
    }
    if (!worker) workerFailed = true;
    return worker;
  };

  const onMainThread = (options: CoverageOptions, onProgress?: (done: number, repetitions: number) => void): CoverageJob => {
    const controller = new AbortController();
    return {engine: "hoofdthread", result: coverageSimulationChunked(model, options, {chunkSize, onProgress, signal: controller.signal}), cancel: () => controller.abort()};
  };

  const inWorker = (w: CoverageWorkerLike, options: CoverageOptions, onProgress?: (done: number, repetitions: number) => void): CoverageJob => {
    const id = ++nextId;
    let settled = false;
    let reject!: (error: unknown) => void;
    const result = new Promise<CoverageResult>((ok, fail) => {
      reject = fail;
      w.onmessage = ({data}) => {
        if (data.id !== id || settled) return;
        if (data.type === "progress") onProgress?.(data.done, data.repetitions);
        else if (data.type === "result") (settled = true), ok(data.result);
        else (settled = true), fail(new Error(data.message));
      };
      w.onerror = (event) => {
        if (settled) return;
        // The worker module could not load or crashed: finish this run on the main thread, and all later ones.
        console.warn("coverage worker failed, running on the main thread", event);
        w.terminate();
        if (worker === w) worker = null;
        workerFailed = true;
        const fallback = onMainThread(options, onProgress);
        job.cancel = fallback.cancel;
        job.engine = "hoofdthread";
        fallback.result.then((value) => ((settled = true), ok(value)), (error) => ((settled = true), fail(error)));
      };
    });
    const job: CoverageJob = {
      engine: "worker",
      result,
      cancel: () => {
        if (settled) return;
        settled = true;
        // Terminating is the only way to stop a worker mid-run; the next run starts a fresh one.
        w.terminate();
        if (worker === w) worker = null;
        reject(cancelled());
      }
    };
    w.postMessage({id, model, options, chunkSize});
    return job;
  };

  return {
    run(options, onProgress) {
      current?.cancel();
      const w = startWorker();
      const job = w ? inWorker(w, options, onProgress) : onMainThread(options, onProgress);
      current = job;
      return job;
    },
    close() {
      current?.cancel();
      worker?.terminate();
      worker = null;
    }
  };
}
