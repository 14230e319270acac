// Which export the site is built from: KV_EXPORT / KV_MAPPING / KV_SHOW_PRINTED, read in one place (site-data.ts);
// a bad setting or a bad export stops `observable build` before anything is written, with the pipeline's message.
import {execFile} from "node:child_process";
import {existsSync, mkdirSync, rmSync, utimesSync, writeFileSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, describe, expect, test} from "vitest";
import {InputError} from "../../loaders/input-error.ts";
import {exportDay} from "../../loaders/pipeline/site-data.ts";
import {projectRoot, reconstructedExport, siteSource} from "../../loaders/pipeline/site-source.ts";
import {exportProvenance} from "../../loaders/pipeline/provenance.ts";

describe("the site's source", () => {
  test("without KV_EXPORT: the reconstruction, printed numbers decided by the data", () => {
    expect(siteSource({})).toEqual({exportFile: reconstructedExport, mappingFile: undefined, showPrinted: undefined});
  });

  test("relative paths start at the project root, whatever the working directory", () => {
    expect(siteSource({KV_EXPORT: "data/raw/responses.csv", KV_SHOW_PRINTED: "1"})).toEqual({exportFile: reconstructedExport, mappingFile: undefined, showPrinted: true});
    expect(siteSource({KV_SHOW_PRINTED: "0"}).showPrinted).toBe(false);
  });

  test("a file that is not there is an input error naming the variable and the path", () => {
    expect(() => siteSource({KV_EXPORT: "nergens/export.sav"})).toThrow(InputError);
    expect(() => siteSource({KV_EXPORT: "nergens/export.sav"})).toThrow(`${join(projectRoot, "nergens/export.sav")}: expected an existing file (named by KV_EXPORT=nergens/export.sav`);
    expect(() => siteSource({KV_MAPPING: "data"})).toThrow(/expected a file \(named by KV_MAPPING\), found "a directory"/);
    expect(() => siteSource({KV_SHOW_PRINTED: "ja"})).toThrow(/KV_SHOW_PRINTED: expected 1 .* or 0 .*, found "ja"/);
  });
});

describe("the day the data stand for", () => {
  const dir = mkdtempSync(join(tmpdir(), "kv-export-day-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  test("the export's modification day, the sidecar's made_on, or SOURCE_DATE_EPOCH; never the build day", () => {
    const file = join(dir, "export.csv");
    writeFileSync(file, "x\n");
    utimesSync(file, new Date("2026-03-04T23:30:00Z"), new Date("2026-03-04T23:30:00Z"));
    expect(exportDay(file, exportProvenance, {})).toBe("2026-03-04");
    expect(exportDay(file, {...exportProvenance, made_on: "2025-12-01"}, {})).toBe("2025-12-01");
    expect(exportDay(file, exportProvenance, {SOURCE_DATE_EPOCH: "1767225600"})).toBe("2026-01-01");
  });
});

describe("a build from a bad export", () => {
  const out = join(projectRoot, "test", ".cache", "bad-export-build");
  afterAll(() => rmSync(out, {recursive: true, force: true}));
  test("fails with the pipeline's message, no stack trace, and writes nothing", async () => {
    rmSync(out, {recursive: true, force: true});
    mkdirSync(out, {recursive: true});
    const bad = join(projectRoot, "test", "fixtures", "bad", "code-outside-scale.csv");
    const run = await promisify(execFile)(join(projectRoot, "node_modules", ".bin", "observable"), ["build"], {
      cwd: projectRoot,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", KV_EXPORT: bad, KV_DIST: join(out, "dist")}
    }).then(() => ({code: 0, stderr: ""}), (error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The site is not built: the export does not pass the pipeline's checks\.\n.*code-outside-scale\.csv, line \d+, column "/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(out, "dist"))).toBe(false);
  }, 300_000);
});
