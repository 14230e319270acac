// Site build times: `npm run build` from an empty cache (dist/ and Framework's cache removed), goal at most 60 s;
// and again after touching one page (the cache warm, one page's source newer), goal at most 15 s: the median of
// REBUILDS rebuilds, each shown, because on this shared machine one rebuild's wall time swings by half with the CPU
// time the host takes (vmstat's "st") from one minute to the next. Beside each wall
// time, the CPU time the build used (user + system, all its processes): on a shared machine the wall time depends on
// what else runs, the CPU time much less. Ends with a complete build, so the benches after this one find dist/.
import {execFile} from "node:child_process";
import {existsSync, rmSync, utimesSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {goal, seconds, type BenchFigures} from "./goal.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const run = promisify(execFile);
const TIME = "/usr/bin/time";
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 3);

/** Wall time and, where GNU time is there to count it, CPU time of one `npm run build`. */
async function timedBuild(): Promise<{wall: number; cpu: number | null}> {
  const started = performance.now();
  const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"};
  const counted = existsSync(TIME);
  const {stderr} = await (counted ? run(TIME, ["-f", "cpu %U %S", "npm", "run", "build"], {cwd: root, maxBuffer: 1 << 26, env}) : run("npm", ["run", "build"], {cwd: root, maxBuffer: 1 << 26, env}));
  const wall = performance.now() - started;
  const cpu = counted ? /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr) : null;
  return {wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null};
}

export default async function buildBench(): Promise<BenchFigures> {
  rmSync(join(root, "dist"), {recursive: true, force: true});
  rmSync(join(root, "src/.observablehq/cache"), {recursive: true, force: true});
  const clean = await timedBuild();
  const page = join(root, "src/index.md");
  const rebuilds: {wall: number; cpu: number | null}[] = [];
  for (let i = 0; i < REBUILDS; i++) {
    const now = new Date();
    utimesSync(page, now, now);
    rebuilds.push(await timedBuild());
  }
  const incremental = [...rebuilds].sort((a, b) => a.wall - b.wall)[Math.floor(rebuilds.length / 2)];
  const cpu = (b: {cpu: number | null}) => (b.cpu == null ? "not counted (no GNU time)" : seconds(b.cpu));
  return {
    "build from clean, wall time": goal(seconds(clean.wall), "<= 60 s", clean.wall <= 60_000),
    "build from clean, CPU time (user + system)": cpu(clean),
    [`rebuild after touching one page, wall time (median of ${rebuilds.length})`]: goal(seconds(incremental.wall), "<= 15 s", incremental.wall <= 15_000),
    "rebuild after touching one page, CPU time (user + system), the median's": cpu(incremental),
    "rebuilds, each: wall / CPU": rebuilds.map((b) => `${seconds(b.wall)} / ${cpu(b)}`).join("; ")
  };
}
