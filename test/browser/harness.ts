// Shared helpers for browser tests and benchmarks: serve the built site (dist/ or $KV_DIST) on loopback,
// drive Debian's chromium with playwright-core, and record what a page does that it must not do.
import {createServer, type Server} from "node:http";
import {readFile, stat} from "node:fs/promises";
import {existsSync} from "node:fs";
import {extname, join, normalize, resolve} from "node:path";
import {createRequire} from "node:module";
import {chromium, type Browser, type Page} from "playwright-core";

export const distDir = resolve(process.env.KV_DIST ?? "dist");

const mimeTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".gz": "application/gzip",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".sav": "application/octet-stream",
  ".map": "application/json"
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` the way a static host would: /page -> page.html, /dir/ -> dir/index.html. */
export async function serveDist(root = distDir): Promise<StaticServer> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/index.html not found: run \`npm run build\` first`);
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    if (path.endsWith("/")) path += "index";
    const candidates = [join(root, path), join(root, `${path}.html`)];
    for (const file of candidates) {
      try {
        if (!(await stat(file)).isFile()) continue;
        const body = await readFile(file);
        res.writeHead(200, {"content-type": mimeTypes[extname(file)] ?? "application/octet-stream", "cache-control": "no-store"});
        res.end(body);
        return;
      } catch {
        /* try the next candidate */
      }
    }
    res.writeHead(404, {"content-type": "text/plain"});
    res.end("not found");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok()))
  };
}

/** Debian's chromium, never a downloaded browser; flags keep it off the network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

export interface OpenedPage {
  page: Page;
  /** console.error messages and uncaught page errors. */
  consoleErrors: string[];
  /** Requests to any origin other than the test server's (data: and blob: are local). */
  foreignRequests: string[];
}

/** Opens `path` in a fresh context (cold cache), recording console errors and foreign requests. */
export async function openPage(browser: Browser, origin: string, path: string, {waitUntil = "load" as "load" | "networkidle"} = {}): Promise<OpenedPage> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "nl-NL"});
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  await page.goto(origin + path, {waitUntil});
  return {page, consoleErrors, foreignRequests};
}

const require = createRequire(import.meta.url);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Where axe looks: the whole document; the page's own content (without Framework's sidebar and the site footer,
 * which belong to the site-wide layout and are checked on their own); or only <main>.
 */
export type AxeScope = "document" | "content" | "main";

const axeContext: Record<AxeScope, unknown> = {
  document: {exclude: []},
  content: {exclude: [["#observablehq-sidebar"], ["#observablehq-footer"]]},
  main: {include: [["main"]]}
};

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page, scope: AxeScope = "document"): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({content: await readFile(require.resolve("axe-core/axe.min.js"), "utf8")});
  const violations = await page.evaluate(async (context) => {
    const axe = (window as any).axe;
    const result = await axe.run(context, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
    return result.violations.map((v: any) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(" "))}));
  }, axeContext[scope]);
  return violations.filter((v: AxeViolation) => v.impact === "serious" || v.impact === "critical");
}

/** The serious and critical axe findings as lines "rule: element, element" (readable in a failed assertion). */
export async function axeFindings(page: Page, scope: AxeScope = "content"): Promise<string[]> {
  return (await seriousAxeViolations(page, scope)).map((v) => `${v.id}: ${v.nodes.join(", ")}`);
}

export interface BuiltSite {
  /** The test server's origin, set before the first test runs. */
  origin: string;
  browser: Browser;
}

/**
 * Serves the built site and starts chromium once for a test file (vitest's beforeAll/afterAll), and stops both
 * afterwards. Read `site.origin` and `site.browser` inside tests, not at module level.
 */
export function useBuiltSite(hooks: {beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void}): BuiltSite {
  const site = {} as BuiltSite & {server?: StaticServer};
  hooks.beforeAll(async () => {
    site.server = await serveDist();
    site.origin = site.server.origin;
    site.browser = await launchBrowser();
  });
  hooks.afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
