import {defineConfig} from "vitest/config";

// Three projects: the pure library (fast, no browser); the browser tests against the built site in dist/; and the
// site built from a publisher's own export, built once by test/site/global-setup.ts and checked file by file and in
// the browser.
export default defineConfig({
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      {test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**", "test/site/**"], testTimeout: 60_000}},
      {test: {name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000, pool: "forks", poolOptions: {forks: {singleFork: true}}}},
      {test: {name: "site", include: ["test/site/**/*.test.ts"], globalSetup: ["test/site/global-setup.ts"], testTimeout: 120_000, hookTimeout: 120_000, pool: "forks", poolOptions: {forks: {singleFork: true}}}}
    ]
  }
});
