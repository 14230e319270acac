// npm run validate answers "would this export build?" for the publication mode the build would use (KV_PUBLICATION):
// a group of 4 is refused for open publication (its answers would be published) and taken for protected publication
// (the tables hide it).
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {main as validateMain} from "../../loaders/cli/validate.ts";
import {runMain} from "../helpers/cli.ts";
import {PROTECTED_EXPORT_NAME, SMALL_GROUP, writeProtectedExport} from "../site/protected-export.ts";

const validate = (file: string, env: Record<string, string>) => runMain((argv, io) => validateMain(argv, io, env), [file]);

describe("npm run validate and the publication mode", () => {
  let file: string;
  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), "kv-validate-")), PROTECTED_EXPORT_NAME);
    writeProtectedExport(file);
  });

  test("an export with a group of 4 is valid for protected publication, the default for an export", async () => {
    const result = await validate(file, {});
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/valid, \d+ respondents \(protected publication: groups under 5 are hidden in the tables, no response is published\)/);
  });

  test("the same export is refused for open publication, naming the group", async () => {
    const result = await validate(file, {KV_PUBLICATION: "open"});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(SMALL_GROUP.size_class);
    expect(result.stderr).toContain(SMALL_GROUP.role);
    expect(result.stdout).toBe("");
  });

  test("an export without respondents in a size class is refused, naming the class (the weights need one)", async () => {
    const [header, ...rows] = readFileSync(file, "latin1").trimEnd().split("\r\n");
    const without = join(mkdtempSync(join(tmpdir(), "kv-validate-")), "zonder-grote.csv");
    writeFileSync(without, Buffer.from([header, ...rows.filter((r) => !r.includes(";>100.000;"))].join("\r\n") + "\r\n", "latin1"));
    // protected publication (the default for an export) takes its group of 4, so this is the one problem left
    const result = await validate(without, {});
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/valid,/);
    expect(result.stderr).toContain('column "size_class": expected at least one respondent in every size class');
    expect(result.stderr).toContain("no respondent with size_class >100.000");
  });

  test("an unknown mode is an error that names the variable and the two modes", async () => {
    const result = await validate(file, {KV_PUBLICATION: "beschermd"});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/KV_PUBLICATION.*expected open .* or protected/);
  });
});
