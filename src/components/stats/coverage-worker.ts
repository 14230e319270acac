// Web Worker for the coverage simulation (coverage.ts), so the page stays responsive while 1000 repetitions run
// (~2 s). Started by coverage-runner.ts with `new Worker(import.meta.resolve("./coverage-worker.js"), {type: "module"})`;
// Framework's build finds the import.meta.resolve, transpiles this module and bundles its imports (ml-matrix,
// d3-random, jStat) from node_modules, so the worker works offline. The protocol is a plain function, so it can be
// tested in node without a worker.
import {coverageRun, type CoverageOptions, type CoverageResult} from "./coverage.js";
import type {SamplerModel} from "./simulate-model.js";

export interface CoverageRequest {
  id: number;
  model: SamplerModel;
  options: CoverageOptions;
  /** Repetitions between progress messages (default 50). */
  chunkSize?: number;
}

export type CoverageMessage =
  | {id: number; type: "progress"; done: number; repetitions: number}
  | {id: number; type: "result"; result: CoverageResult}
  | {id: number; type: "error"; message: string};

/** Runs one request in chunks, posting progress after each chunk and the result at the end. */
export function handleCoverageRequest({id, model, options, chunkSize = 50}: CoverageRequest, post: (message: CoverageMessage) => void): void {
  try {
    const run = coverageRun(model, options);
    post({id, type: "progress", done: 0, repetitions: run.repetitions});
    while (run.done < run.repetitions) {
      run.step(chunkSize);
      post({id, type: "progress", done: run.done, repetitions: run.repetitions});
    }
    post({id, type: "result", result: run.result()});
  } catch (error) {
    post({id, type: "error", message: error instanceof Error ? error.message : String(error)});
  }
}

// Wire the handler only inside a worker (importing this module in node or on a page does nothing).
const scope = globalThis as any;
if (typeof scope.WorkerGlobalScope !== "undefined" && scope instanceof scope.WorkerGlobalScope) {
  scope.addEventListener("message", (event: MessageEvent<CoverageRequest>) => handleCoverageRequest(event.data, (message) => scope.postMessage(message)));
}
