// The protected data are computed once per build and shared by the data loaders through the loader cache: the same
// key reads what the first process stored, another key (another export, setting or code) computes anew and drops
// the old file, and a file that cannot be read is computed again.
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {cachedProtection, PROTECTION_CACHE_FOLDER, protectionKey} from "../../loaders/protect/protection-cache.ts";
import type {ProtectedData} from "../../loaders/protect/protect-data.ts";

/** A stand-in for the protected data: the cache only stores and returns them. */
const data = (label: string) => ({tables: {label}, synthetic: {file: "synthetisch", respondents: []}, syntheticTables: [{name: "respondents", columns: [{name: "weight", type: "DOUBLE"}], rows: [[3.52], [null]]}], disclosure: {}, roleCounts: {a: 5}, hiddenSizeClasses: []}) as unknown as ProtectedData;

function counted(label: string) {
  const calls = {n: 0};
  return {calls, compute: async () => (calls.n++, data(label))};
}

describe("cachedProtection", () => {
  test("the same key is computed once and read back equal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kv-protection-cache-"));
    const key = protectionKey("fingerprint", "protected");
    const first = counted("a");
    expect(await cachedProtection(dir, key, first.compute)).toEqual(data("a"));
    const second = counted("b");
    expect(await cachedProtection(dir, key, second.compute)).toEqual(data("a"));
    expect([first.calls.n, second.calls.n]).toEqual([1, 0]);
  });

  test("another fingerprint or mode is another key: computed anew, and the old file is dropped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kv-protection-cache-"));
    expect(protectionKey("fingerprint", "protected")).not.toBe(protectionKey("fingerprint", "open"));
    await cachedProtection(dir, protectionKey("old export", "protected"), counted("old").compute);
    const next = counted("new");
    expect(await cachedProtection(dir, protectionKey("new export", "protected"), next.compute)).toEqual(data("new"));
    expect(next.calls.n).toBe(1);
    expect(readdirSync(join(dir, PROTECTION_CACHE_FOLDER))).toEqual([`${protectionKey("new export", "protected")}.json`]);
  });

  test("a file that cannot be read is computed again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kv-protection-cache-"));
    const key = protectionKey("fingerprint", "protected");
    await cachedProtection(dir, key, counted("a").compute);
    const file = join(dir, PROTECTION_CACHE_FOLDER, `${key}.json`);
    writeFileSync(file, "{half a fi");
    const again = counted("a");
    expect(await cachedProtection(dir, key, again.compute)).toEqual(data("a"));
    expect(again.calls.n).toBe(1);
    expect(existsSync(file)).toBe(true);
  });
});
