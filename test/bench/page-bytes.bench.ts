// `npm run bench -- page-bytes`: what a reader's browser fetches for each kind of page before asking for anything
// (no click, no SQL): the home page, a chapter, a lab page and the notebook (or, until it exists, the SQL
// workbench). Bytes are the response bodies as the browser received them from the static server (which does not
// compress), summed over every request until the network is idle and the page's figures are drawn; a fresh
// context each, so nothing comes from the cache. Needs a built site ($KV_DIST or dist/).
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {distDir, launchBrowser, serveDist} from "../browser/harness.ts";
import {goal, type BenchFigures} from "./goal.ts";

/** A chapter page holds at most this much until the reader asks for SQL. */
export const CHAPTER_GOAL_BYTES = 1_000_000;

export interface PageBytes {
  bytes: number;
  requests: number;
  /** The largest responses, for finding what makes a page heavy. */
  largest: {url: string; bytes: number}[];
}

/** Loads `path` in a fresh context and sums every response body until the network is idle. */
export async function pageBytes(browser: Browser, origin: string, path: string): Promise<PageBytes> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  try {
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on("requestfinished", (request) => {
      pending.push(
        request.sizes().then(
          (s) => void sizes.set(request.url(), (sizes.get(request.url()) ?? 0) + s.responseBodySize),
          () => undefined
        )
      );
    });
    await page.goto(origin + path, {waitUntil: "networkidle"});
    // Chapter pages: wait for the live figures, then for anything they fetch afterwards (idle-time loads too).
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>("figure.story-figure")].every((f) => f.querySelector("svg, p")), null, {timeout: 30_000});
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(2500);
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const entries = [...sizes.entries()].map(([url, bytes]) => ({url: url.slice(origin.length), bytes}));
    return {
      bytes: entries.reduce((sum, e) => sum + e.bytes, 0),
      requests: entries.length,
      largest: entries.sort((a, b) => b.bytes - a.bytes).slice(0, 3)
    };
  } finally {
    await context.close();
  }
}

/** The notebook page once it exists, else the SQL workbench it replaces. */
export function notebookPath(root = distDir): string {
  return existsSync(join(root, "notebook.html")) ? "/notebook" : "/sql";
}

export const PAGE_TYPES = (): Record<string, string> => ({
  home: "/",
  chapter: "/hoofdstuk/beschikbaarheid",
  lab: "/lab/onzekerheid",
  notebook: notebookPath()
});

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2).replace(".", ",")} MB`;

export default async function pageBytesBench(): Promise<BenchFigures> {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const figures: BenchFigures = {};
    for (const [type, path] of Object.entries(PAGE_TYPES())) {
      const measured = await pageBytes(browser, server.origin, path);
      const largest = measured.largest.map((l) => `${l.url.replace(/\?.*$/, "")} ${megabytes(l.bytes)}`).join(", ");
      const value = `${megabytes(measured.bytes)} in ${measured.requests} requests`;
      figures[`bytes, ${type} page ${path}`] = type === "chapter" ? goal(value, "<= 1 MB", measured.bytes <= CHAPTER_GOAL_BYTES) : value;
      figures[`bytes, ${type} page: largest files`] = largest;
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}
