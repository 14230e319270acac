// After `observable build`, one pass over every built page:
// - serve it as <html lang="nl"> (Framework 1.13 has no option for it);
// - let readers zoom (Framework's viewport has maximum-scale=1, which WCAG 1.4.4 forbids);
// - put the build-time first chart of a chapter inline, so it is on screen as soon as the HTML is parsed;
// - make code blocks, which scroll sideways on a phone, reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable);
// - give Framework's sidebar toggle a real name in Dutch (it has only an English title: axe label-title-only);
// - replace DuckDB-WASM's 34 MB module by a gzip copy (./pack-duckdb-wasm.ts), and tell every page so (a <meta>: a
//   page without it, in `npm run dev` or a Framework page exported from a notebook, loads the plain module).
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {inlineCharts} from "../src/components/story/inline-prerender.ts";
import {hasPackedModule, PACKED_MODULE_META, packDuckDBModule} from "./pack-duckdb-wasm.ts";

const dist = resolve(process.env.KV_DIST ?? "dist");

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

const cacheDir = resolve(process.env.KV_DUCKDB_PACK_CACHE ?? "src/.observablehq/cache/_duckdb-packed");
for (const {file, bytes, packed} of packDuckDBModule(dist, cacheDir))
  console.error(`postbuild: ${file.slice(dist.length + 1)} packed, ${(bytes / 1e6).toFixed(1)} MB -> ${(packed / 1e6).toFixed(1)} MB`);
const packed = hasPackedModule(dist);

let pages = 0;
let charts = 0;
for (const file of htmlFiles(dist)) {
  const html = readFileSync(file, "utf8");
  const fixed = inlineCharts(
    html
      .replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="nl"$1>')
      .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1/, "$1")
      .replace(/<pre(?![^>]*\btabindex=)(?=[\s>])/g, '<pre tabindex="0"')
      .replace('<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">', '<input id="observablehq-sidebar-toggle" type="checkbox" title="Navigatie tonen of verbergen" aria-label="Navigatie tonen of verbergen">')
      .replace(/<head>(?![\s\S]*name="kv-duckdb-module")/, packed ? `<head>\n${PACKED_MODULE_META}` : "<head>"),
    (src) => (charts++, readFileSync(join(dirname(file), src), "utf8"))
  );
  if (fixed !== html) writeFileSync(file, fixed);
  pages++;
}
console.error(`postbuild: ${pages} pages served as <html lang="nl">, ${charts} first charts inlined`);

