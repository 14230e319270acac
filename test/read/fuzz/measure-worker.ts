// Child of measure.ts: reads fuzz cases from `start` on and reports each outcome to the parent.
import {makeCorpus} from "./make-corpus.ts";
import {readCase} from "./read-case.ts";

const [seed, perFormat, start] = process.argv.slice(2).map(Number);
const corpus = await makeCorpus(seed, perFormat);
process.send!("ready");
for (let i = start; i < corpus.length; i++) {
  const outcome = await readCase(corpus[i]);
  process.send!({index: i, ...outcome});
}
process.disconnect();
