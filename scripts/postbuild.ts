// After Framework's build, one pass over every built page (./build-site.ts):
// - add the head and footer every page carries (./page-fragments.ts: Framework's build is given neither, for speed);
// - serve it as <html lang="nl"> (Framework 1.13 has no option for it);
// - let readers zoom (Framework's viewport has maximum-scale=1, which WCAG 1.4.4 forbids);
// - put the build-time first chart of a chapter inline, so it is on screen as soon as the HTML is parsed;
// - move Framework's classic inline scripts to the end of the body, so the page is parsed while the stylesheet loads
//   (./classic-scripts-last.ts);
// - make code blocks, which scroll sideways on a phone, reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable);
// - give Framework's sidebar toggle a real name in Dutch (it has only an English title: axe label-title-only).
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {inlineCharts} from "../src/components/story/inline-prerender.ts";
import {classicScriptsLast} from "./classic-scripts-last.ts";
import {addPageFragments, type PageFragments} from "./page-fragments.ts";

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

/** Finishes every page Framework built into `dist`; returns how many pages and inlined first charts. */
export function postbuild(dist: string, fragments: PageFragments): {pages: number; charts: number} {
  let pages = 0;
  let charts = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    const fixed = inlineCharts(
      classicScriptsLast(addPageFragments(html, fragments))
        .replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="nl"$1>')
        .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1/, "$1")
        .replace(/<pre(?![^>]*\btabindex=)(?=[\s>])/g, '<pre tabindex="0"')
        .replace('<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">', '<input id="observablehq-sidebar-toggle" type="checkbox" title="Navigatie tonen of verbergen" aria-label="Navigatie tonen of verbergen">'),
      (src) => (charts++, readFileSync(join(dirname(file), src), "utf8"))
    );
    if (fixed !== html) writeFileSync(file, fixed);
    pages++;
  }
  return {pages, charts};
}
