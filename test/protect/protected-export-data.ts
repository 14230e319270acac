// The real-looking export of the protected-mode tests (test/site/protected-export.ts) read once per test file: its
// real respondents as the pages would see them, and the protected data the build makes from them.
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {exportTables} from "../../loaders/pipeline/ingest.ts";
import {protectData} from "../../loaders/protect/protect-data.ts";
import {respondentRecords} from "../../loaders/protect/protected-tables.ts";
import {PROTECTED_EXPORT_NAME, writeProtectedExport} from "../site/protected-export.ts";

export async function protectedExportData() {
  const exportFile = join(mkdtempSync(join(tmpdir(), "kv-protect-")), PROTECTED_EXPORT_NAME);
  writeProtectedExport(exportFile);
  const codebook = loadCodebook();
  // k = 1: the export has a group of 4, which only protected publication may take.
  const {tables} = await exportTables(exportFile, {codebook, k: 1});
  const real = respondentRecords(tables);
  const sizeClassCounts = Object.fromEntries(codebook.background.find((b) => b.id === "size_class")!.values!.map((s) => [s, real.filter((r) => r.size_class === s).length]));
  return {exportFile, codebook, tables, real, protection: protectData({tables, codebook, sizeClassCounts})};
}
