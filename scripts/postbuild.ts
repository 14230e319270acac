// After `observable build`: serve every page as <html lang="nl"> (Framework 1.13 has no option for it),
// and let readers zoom (Framework's viewport has maximum-scale=1, which WCAG 1.4.4 forbids).
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";

const dist = resolve(process.env.KV_DIST ?? "dist");

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

let pages = 0;
for (const file of htmlFiles(dist)) {
  const html = readFileSync(file, "utf8");
  const fixed = html.replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="nl"$1>').replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1/, "$1");
  if (fixed !== html) writeFileSync(file, fixed);
  pages++;
}
console.error(`postbuild: ${pages} pages served as <html lang="nl">`);
