// The loader-cache mechanism in a real Framework build: a scratch project of one page and one loader that reads an
// input file. Framework alone serves the first input after the input changes (it judges a cached output only by the
// loader's own file, and `observable build` even uses a stale one); with the data fingerprint cleared at config time,
// as observablehq.config.ts does for the site, the rebuild serves the new input.
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {projectRoot} from "../../loaders/pipeline/site-source.ts";

const observable = join(projectRoot, "node_modules", ".bin", "observable");
const loaderCache = join(projectRoot, "loaders", "pipeline", "loader-cache.ts");
let dir: string;

function project(withFingerprint: boolean) {
  const root = join(dir, withFingerprint ? "keyed" : "plain");
  mkdirSync(join(root, "src"), {recursive: true});
  writeFileSync(join(root, "input.txt"), "first");
  writeFileSync(join(root, "src", "index.md"), '# Scratch\n\n<a href="./value.txt" download>value</a>\n');
  writeFileSync(join(root, "src", "value.txt.js"), `import {readFileSync} from "node:fs";\nprocess.stdout.write(readFileSync(${JSON.stringify(join(root, "input.txt"))}, "utf8"));\n`);
  const keyed = `import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {clearStaleLoaderCache} from ${JSON.stringify(loaderCache)};
clearStaleLoaderCache(${JSON.stringify(join(root, "src", ".observablehq", "cache"))}, createHash("sha256").update(readFileSync(${JSON.stringify(join(root, "input.txt"))})).digest("hex"));
`;
  writeFileSync(join(root, "observablehq.config.ts"), `${withFingerprint ? keyed : ""}export default {root: "src", title: "Scratch", pages: []};\n`);
  return root;
}

async function buildAndRead(root: string): Promise<string> {
  // Not spawnSync: a blocked worker cannot report to vitest while Framework builds.
  await promisify(execFile)(observable, ["build"], {cwd: root, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", KV_DIST: ""}});
  const dist = join(root, "dist", "_file");
  const name = readdirSync(dist).find((f) => /^value\.[0-9a-f]+\.txt$/.test(f))!;
  return readFileSync(join(dist, name), "utf8");
}

beforeAll(() => {
  // Inside the project (git-ignored), where Framework's TypeScript loader reads the project's modules as it does for the site.
  mkdirSync(join(projectRoot, "test", ".cache"), {recursive: true});
  dir = mkdtempSync(join(projectRoot, "test", ".cache", "framework-cache-"));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

test("Framework alone keeps serving the first input; the fingerprint makes the rebuild serve the new one", async () => {
  const plain = project(false);
  const keyed = project(true);
  expect(await Promise.all([buildAndRead(plain), buildAndRead(keyed)])).toEqual(["first", "first"]);
  writeFileSync(join(plain, "input.txt"), "second");
  writeFileSync(join(keyed, "input.txt"), "second");
  // Framework's own behaviour (the reason for the fingerprint), then the fingerprint's.
  expect(await Promise.all([buildAndRead(plain), buildAndRead(keyed)])).toEqual(["first", "second"]);
}, 600_000);
