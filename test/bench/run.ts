// `npm run bench`: runs every test/bench/*.bench.ts in turn and prints its figures.
// Each bench module default-exports `async () => Record<string, string | number>` (name -> figure).
import {readdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith(".bench.ts")).filter((f) => !only.length || only.some((o) => f.includes(o))).sort();
let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  try {
    const {default: bench} = await import(pathToFileURL(join(here, file)).href);
    const figures: Record<string, string | number> = await bench();
    for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(60)} ${value}`);
  } catch (error) {
    failed = true;
    console.error(`${file} failed:`, error);
  }
}
process.exit(failed ? 1 : 0);
