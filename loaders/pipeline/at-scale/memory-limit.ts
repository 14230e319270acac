// How much memory DuckDB may take while ingesting a large export. DuckDB's own default is 80% of the machine's
// memory, which leaves too little beside Node and the rest of the machine; above the limit DuckDB spills to the
// staging folder's temp directory instead of failing. A publisher can set KV_INGEST_MEMORY_LIMIT (e.g. 4GB) on a
// shared or small machine.
import {totalmem} from "node:os";
import {InputError} from "../../input-error.ts";

/** Half of the machine's memory: room for Node, the operating system and the file cache. */
const DEFAULT_SHARE = 0.5;

/** DuckDB's memory_limit for an ingest: KV_INGEST_MEMORY_LIMIT when given, else half of `total` bytes, in MB. */
export function ingestMemoryLimit(env: Record<string, string | undefined> = process.env, total = totalmem()): string {
  const value = env.KV_INGEST_MEMORY_LIMIT?.trim();
  if (!value) return `${Math.floor((total * DEFAULT_SHARE) / 2 ** 20)}MB`;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value))
    throw new InputError({file: "environment variable KV_INGEST_MEMORY_LIMIT", expected: "an amount of memory such as 4GB or 512MB", found: value, fix: "leave it unset for half of this machine's memory"});
  return value.replace(/\s+/g, "");
}
