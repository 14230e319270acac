// Site build times: `npm run build` from an empty cache (dist/ and Framework's data-loader cache removed), goal
// at most 60 s; and again after touching one page (the cache warm, one page's source newer), goal at most 15 s.
// Measured, not optimised here. Ends with a complete build, so the benches after this one find dist/.
import {execFile} from "node:child_process";
import {rmSync, utimesSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const run = promisify(execFile);

async function timedBuild(): Promise<number> {
  const started = performance.now();
  await run("npm", ["run", "build"], {cwd: root, maxBuffer: 1 << 26, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
  return performance.now() - started;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default async function buildBench(): Promise<Record<string, string>> {
  rmSync(join(root, "dist"), {recursive: true, force: true});
  rmSync(join(root, "src/.observablehq/cache"), {recursive: true, force: true});
  const clean = await timedBuild();
  const page = join(root, "src/index.md");
  const now = new Date();
  utimesSync(page, now, now);
  const incremental = await timedBuild();
  return {
    "build from clean (goal <= 60 s)": `${seconds(clean)}: ${clean <= 60_000 ? "met" : "not met"}`,
    "rebuild after touching one page (goal <= 15 s)": `${seconds(incremental)}: ${incremental <= 15_000 ? "met" : "not met"}`
  };
}
