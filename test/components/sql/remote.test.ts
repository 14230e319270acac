import {describe, expect, it} from "vitest";
import {remoteAccess} from "../../../src/components/sql/remote.js";

describe("remoteAccess", () => {
  it("flags URLs of remote files", () => {
    expect(remoteAccess("SELECT * FROM read_csv('https://example.org/x.csv')").remote).toBe(true);
    expect(remoteAccess("SELECT * FROM 's3://bucket/x.parquet'").remote).toBe(true);
    expect(remoteAccess("ATTACH 'http://example.org/db.duckdb'").remote).toBe(true);
  });
  it("flags installing and loading extensions", () => {
    expect(remoteAccess("INSTALL httpfs").remote).toBe(true);
    expect(remoteAccess("SELECT 1; load spatial").remote).toBe(true);
    expect(remoteAccess("FORCE INSTALL parquet").remote).toBe(true);
    expect(remoteAccess("SET autoinstall_known_extensions = true").remote).toBe(true);
    expect(remoteAccess("PRAGMA custom_extension_repository='x'").remote).toBe(true);
  });
  it("lets ordinary queries through, also with such words in names, strings or comments", () => {
    expect(remoteAccess("SELECT load, install FROM t").remote).toBe(false);
    expect(remoteAccess("SELECT 'zie https://www.rathenau.nl' AS bron").remote).toBe(false); // text that mentions a URL is not a file name
    expect(remoteAccess("-- https://example.org\nSELECT 1").remote).toBe(false);
    expect(remoteAccess("SELECT * FROM respondents WHERE role = 'install'").remote).toBe(false);
  });
});
