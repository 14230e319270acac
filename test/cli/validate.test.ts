// npm run validate answers "would this export build?" for the publication mode the build would use (KV_PUBLICATION):
// a group of 4 is refused for open publication (its answers would be published) and taken for protected publication
// (the tables hide it).
import {mkdtempSync} from "node:fs";
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

  test("an unknown mode is an error that names the variable and the two modes", async () => {
    const result = await validate(file, {KV_PUBLICATION: "beschermd"});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/KV_PUBLICATION.*expected open .* or protected/);
  });
});
