// After `observable build` (node only): put each build-time first chart inline into its page, replacing the
// <img> that points at it, so that the chart is on screen as soon as the HTML is parsed rather than after the
// image waits behind some fifty module preloads. Call inlinePrerenderedCharts(dist) from the post-build step.
import {readFileSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";

const placeholder = /(<div class="story-prerender" data-for="[^"]*">)\s*<img src="([^"]+\.svg)"[^>]*?alt="([^"]*)"[^>]*>/g;

/** One page's HTML with its prerendered <img> charts inlined; `readSvg` resolves an src relative to the page. */
export function inlineCharts(html: string, readSvg: (src: string) => string): string {
  return html.replace(placeholder, (_, open: string, src: string, alt: string) => {
    const svg = readSvg(src)
      .replace(/<style class="story-prerender-colors">[^<]*<\/style>/, "")
      .replace(/^<svg /, `<svg role="img" aria-label="${alt}" `);
    return open + svg;
  });
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

/** Inlines the prerendered charts of every page under `dist`; returns how many charts were inlined. */
export function inlinePrerenderedCharts(dist: string): number {
  let count = 0;
  for (const file of htmlFiles(resolve(dist))) {
    const html = readFileSync(file, "utf8");
    if (!html.includes('class="story-prerender"')) continue;
    const fixed = inlineCharts(html, (src) => (count++, readFileSync(join(dirname(file), src), "utf8")));
    if (fixed !== html) writeFileSync(file, fixed);
  }
  return count;
}
