// `npm run bench`: runs every test/bench/*.bench.ts in turn (or those whose names contain an argument:
// `npm run bench -- story`) and prints its figures, each beside its goal where it has one, then a table of every
// goal and whether this run met it. Each bench module default-exports `async () => BenchFigures`.
// The machine's load average is printed with the figures: timings on a shared machine depend on it.
import {readdirSync} from "node:fs";
import {loadavg} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {isGoal, verdict, type BenchFigures, type GoalFigure} from "./goal.ts";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here).filter((f) => f.endsWith(".bench.ts"));
// A name picks the bench of that name ("notebook" is notebook.bench.ts, not figure-notebook.bench.ts); a name that is
// no bench's own picks every bench whose file name contains it.
const picked = (name: string) => (benches.includes(`${name}.bench.ts`) ? [`${name}.bench.ts`] : benches.filter((f) => f.includes(name)));
const files = (only.length ? [...new Set(only.flatMap(picked))] : benches).sort();
const load = () => loadavg().map((l) => l.toFixed(1)).join(" / ");
const goals: (GoalFigure & {name: string})[] = [];
let failed = false;
console.log(`load average (1, 5, 15 min) at start: ${load()}`);
for (const file of files) {
  console.log(`\n== ${file} (load average ${load()})`);
  try {
    const {default: bench} = await import(pathToFileURL(join(here, file)).href);
    const figures: BenchFigures = await bench();
    for (const [name, figure] of Object.entries(figures)) {
      if (isGoal(figure)) {
        goals.push({name, ...figure});
        console.log(`${name.padEnd(62)} ${figure.value.padEnd(28)} goal ${figure.goal.padEnd(16)} ${verdict(figure.met)}`);
      } else console.log(`${name.padEnd(62)} ${figure}`);
    }
  } catch (error) {
    failed = true;
    console.error(`${file} failed:`, error);
  }
}
if (goals.length) {
  console.log(`\n== goals (load average at the end ${load()})`);
  console.log(`${"figure".padEnd(62)} ${"measured".padEnd(28)} ${"goal".padEnd(21)} verdict`);
  for (const g of goals) console.log(`${g.name.padEnd(62)} ${g.value.padEnd(28)} ${g.goal.padEnd(21)} ${verdict(g.met)}`);
  console.log(`${goals.filter((g) => g.met).length} of ${goals.length} goals met`);
}
process.exit(failed ? 1 : 0);
