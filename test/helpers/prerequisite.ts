// A test that needs something outside the code (a built site, PSPP, chromium) says so. On a developer's machine a
// missing prerequisite skips those tests with a warning; under CI (CI=true) it is a failure with the same message,
// so a green CI run never hides tests that did not run.
import {describe, test} from "vitest";

export interface Prerequisite {
  present: boolean;
  /** What is missing and how to get it, e.g. "no built site in dist/ (run npm run build)". */
  missing: string;
}

/** `describe`, or, when the prerequisite is missing, a skip (locally) or a failing test (CI). */
export function describeWith(prerequisite: Prerequisite): (name: string, body: () => void) => void {
  if (prerequisite.present) return (name, body) => describe(name, body);
  if (process.env.CI) {
    return (name) => describe(name, () => test(`prerequisite: ${prerequisite.missing}`, () => {
      throw new Error(`missing prerequisite under CI: ${prerequisite.missing}`);
    }));
  }
  console.warn(`skipping: ${prerequisite.missing}`);
  return (name, body) => describe.skip(name, body);
}
