// The offline settings checked on DuckDB itself (@duckdb/node-api, the same engine as DuckDB-WASM): every way of
// spelling a file or URL is refused, and no query can undo the settings. The browser test does the same against a
// trap server and counts requests.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {accessRefusal, accessSettings, ownFilesDirectory} from "../../../src/components/sql/network.js";
import {parseSqlError} from "../../../src/components/sql/errors.js";

let connection: DuckDBConnection;
const url = "http://127.0.0.2:9/geheim.csv";

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run("CREATE TABLE respondents AS SELECT range AS id FROM range(107)");
  for (const setting of accessSettings("offline")) await connection.run(setting);
});
afterAll(() => connection?.closeSync());

/** DuckDB's error for `sql`, or "" when it ran. */
async function errorOf(sql: string): Promise<string> {
  try {
    await connection.run(sql);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("accessSettings('offline') on DuckDB", () => {
  it.each([
    ["a literal URL", `SELECT * FROM read_csv('${url}')`],
    ["a URL built with ||", `SELECT * FROM read_csv('htt' || 'p://127.0.0.2:9/x.csv')`],
    ["an escape string", `SELECT * FROM read_csv(E'\\x68ttp://127.0.0.2:9/x.csv')`],
    ["dollar quoting", `SELECT * FROM read_csv($$${url}$$)`],
    ["a quoted name", `SELECT * FROM "${url}"`],
    ["a local file", `SELECT * FROM read_csv('/etc/passwd')`],
    ["COPY TO", `COPY respondents TO '/tmp/kv-should-not-exist.csv'`],
    ["ATTACH", `ATTACH '/tmp/kv-should-not-exist.duckdb' AS elders`]
  ])("refuses %s", async (_, sql) => {
    expect(await errorOf(sql)).toMatch(/^Permission Error: Cannot access (file|directory) ".*" - file system operations are disabled by configuration/);
  });
  it("refuses a URL that a macro or a variable makes at run time", async () => {
    await connection.run("CREATE MACRO lees(x) AS TABLE SELECT * FROM read_csv(x)");
    expect(await errorOf(`SELECT * FROM lees('${url}')`)).toMatch(/^Permission Error/);
    await connection.run("SET VARIABLE u = (SELECT 'ht' || 'tp://127.0.0.2:9/?n=' || count(*) FROM respondents)");
    expect(await errorOf("SELECT * FROM read_csv(getvariable('u'))")).toMatch(/^Permission Error: Cannot access file "http:\/\/127.0.0.2:9\/\?n=107"/);
  });
  it.each(["SET enable_external_access = true", "RESET enable_external_access", "RESET lock_configuration", "SET lock_configuration = false", "SET allowed_directories = ['/']", "SET autoinstall_known_extensions = true"])(
    "keeps the settings locked against %s",
    async (sql) => {
      expect(await errorOf(sql)).toMatch(/the configuration has been locked/);
    }
  );
  it("refuses loading an extension", async () => {
    expect(await errorOf("SELECT '--'; LOAD httpfs")).toMatch(/Permission Error: Loading external extensions is disabled/);
  });
  it("still answers ordinary queries", async () => {
    expect((await (await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM respondents")).getRowsJS())).toEqual([[107]]);
  });
});

describe("accessSettings", () => {
  it("locks the configuration last, in both modes, and allows only the folder of dropped files offline", () => {
    for (const access of ["offline", "remote"] as const) expect(accessSettings(access).at(-1)).toBe("SET GLOBAL lock_configuration = true");
    expect(accessSettings("offline")).toContain("SET GLOBAL enable_external_access = false");
    expect(accessSettings("offline")).toContain(`SET GLOBAL allowed_directories = ['${ownFilesDirectory}']`);
    expect(accessSettings("remote")).not.toContain("SET GLOBAL enable_external_access = false");
  });
});

describe("accessRefusal", () => {
  it("explains a refused URL, a refused local file, an extension and the lock in Dutch", () => {
    const refusal = (message: string) => accessRefusal(parseSqlError(message));
    expect(refusal(`Permission Error: Cannot access file "${url}" - file system operations are disabled by configuration`)).toMatch(/^Deze query wil “http:\/\/127\.0\.0\.2:9\/geheim\.csv” van internet lezen .*er is geen verbinding gemaakt\. .*‘Bestanden van internet toestaan’/);
    expect(refusal(`Permission Error: Cannot access file "/etc/passwd" - file system operations are disabled by configuration`)).toMatch(/^Deze query wil het bestand “\/etc\/passwd” lezen of schrijven/);
    expect(refusal("Permission Error: Loading external extensions is disabled through configuration")).toMatch(/^DuckDB-extensies laden kan op deze pagina niet/);
    expect(refusal(`Invalid Input Error: Cannot change configuration option "enable_external_access" - the configuration has been locked`)).toMatch(/^De instellingen van de database liggen vast/);
    expect(refusal("Parser Error: syntax error at or near \"FORM\"")).toBeNull();
  });
});
