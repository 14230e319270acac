import {defineConfig} from "vitest/config";

// Three projects: the pure library (fast, no browser); the browser tests against the built site in dist/; and the
// sites built from generated exports (an own export in open publication, a real-looking one in protected
// publication), each built once by its test file (test/site/site-build.ts) and checked file by file and in the browser.
/**
 * How long `expect.poll` waits for a page to get where a test expects it (Vitest's default is 1 s). A page's cells
 * run later on a loaded machine, and a test must not fail for that: the wait ends as soon as the page is there.
 */
const PAGE_WAIT = 60_000;

export default defineConfig({
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    // Vitest's default on a 2-core machine is one worker. The unit files run on both cores first (groupOrder 0);
    // the browser and site projects follow (groupOrder 1), each in one fork beside chromium, so the two groups
    // never compete for the cores (a starved main process is what times out "onTaskUpdate").
    maxWorkers: 2,
    projects: [
      {test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**", "test/site/**"], testTimeout: 60_000, sequence: {groupOrder: 0}}},
      {test: {name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000, expect: {poll: {timeout: PAGE_WAIT}}, sequence: {groupOrder: 1}, pool: "forks", poolOptions: {forks: {singleFork: true}}}},
      {test: {name: "site", include: ["test/site/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000, expect: {poll: {timeout: PAGE_WAIT}}, sequence: {groupOrder: 1}, pool: "forks", poolOptions: {forks: {singleFork: true}}}}
    ]
  }
});
