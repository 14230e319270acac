/**
 * Runs the fuzz corpus in a child process with 1 GB of heap and 10 s per case, so that hangs and aborts are
 * counted instead of taking the run down: `npx tsx test/read/fuzz/measure.ts [seed] [perFormat]`.
 * Prints cases tried, clean errors, parsed, crashes, errors without position, hangs, aborts and wrong acceptances.
 */
import {fork} from "node:child_process";
import {fileURLToPath} from "node:url";
import {makeCorpus} from "./make-corpus.ts";

const seed = Number(process.argv[2] ?? 20221);
const perFormat = Number(process.argv[3] ?? 100);
const worker = fileURLToPath(new URL("./measure-worker.ts", import.meta.url));
const corpus = await makeCorpus(seed, perFormat);
const counts: Record<string, number> = {tried: 0, refused: 0, parsed: 0, crash: 0, "no position": 0, hang: 0, abort: 0, "wrong acceptance": 0, "wrong refusal": 0};
const notes: string[] = [];

let next = 0;
while (next < corpus.length) {
  const child = fork(worker, [String(seed), String(perFormat), String(next)], {execArgv: ["--import", "tsx", "--max-old-space-size=1024"], stdio: ["ignore", "ignore", "pipe", "ipc"]});
  await new Promise<void>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        counts.tried++, counts.hang++, notes.push(`hang: ${corpus[next].name}`);
        next++;
        child.kill("SIGKILL");
      }, 10_000);
    };
    child.on("message", (m: {index: number; kind: string; message?: string} | "ready") => {
      if (m === "ready") return arm();
      counts.tried++;
      const c = corpus[m.index];
      let kind = m.kind;
      if (kind === "parsed" && c.mustRefuse) kind = "wrong acceptance";
      if (kind === "refused" && c.mustParse) kind = "wrong refusal";
      counts[kind]++;
      if (kind !== "refused" && kind !== "parsed") notes.push(`${kind}: ${c.name}: ${m.message ?? ""}`.slice(0, 200));
      next = m.index + 1;
      arm();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0 && next < corpus.length && !notes.at(-1)?.startsWith(`hang: ${corpus[next - 1]?.name}`)) {
        counts.tried++, counts.abort++, notes.push(`abort (exit ${code}): ${corpus[next].name}`);
        next++;
      }
      resolve();
    });
  });
}
console.log(JSON.stringify(counts));
for (const n of notes) console.log(n);
