import {defineConfig} from "vitest/config";

// Two projects: the pure library (fast, no browser) and the browser tests against the built site in dist/.
export default defineConfig({
  test: {
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      {test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"], testTimeout: 60_000}},
      {test: {name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000, pool: "forks", poolOptions: {forks: {singleFork: true}}}}
    ]
  }
});
