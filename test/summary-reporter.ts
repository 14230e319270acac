// Prints the plain closing line CI reads ("N passed, N failed, N skipped") after Vitest's own report.
import type {Reporter} from "vitest/reporters";
import type {RunnerTask} from "vitest";

function count(tasks: RunnerTask[], totals = {passed: 0, failed: 0, skipped: 0}) {
  for (const task of tasks) {
    if (task.type === "suite") count(task.tasks, totals);
    else if (task.mode === "skip" || task.mode === "todo") totals.skipped++;
    else if (task.result?.state === "pass") totals.passed++;
    else if (task.result?.state === "fail") totals.failed++;
  }
  return totals;
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTask[] = [], errors: unknown[] = []): void {
    const {passed, failed, skipped} = count(files);
    const failedFiles = files.filter((f) => f.result?.state === "fail" && !(f.type === "suite" && f.tasks.length)).length;
    console.log(`\n${passed} passed, ${failed + failedFiles + errors.length} failed, ${skipped} skipped`);
  }
}
