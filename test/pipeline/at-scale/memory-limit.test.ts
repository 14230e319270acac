// DuckDB's memory during a large ingest: half of the machine unless the publisher says otherwise, and a setting that
// is not an amount of memory is refused with the variable's name and an example, before anything is written.
import {describe, expect, it} from "vitest";
import {DuckDBInstance} from "@duckdb/node-api";
import {ingestMemoryLimit} from "../../../loaders/pipeline/at-scale/memory-limit.ts";

describe("ingestMemoryLimit", () => {
  it("takes half of the machine's memory by default, in MB", () => {
    expect(ingestMemoryLimit({}, 16 * 2 ** 30)).toBe("8192MB");
    expect(ingestMemoryLimit({KV_INGEST_MEMORY_LIMIT: ""}, 3 * 2 ** 30)).toBe("1536MB");
  });

  it("takes the publisher's amount, and refuses what is not one", () => {
    expect(ingestMemoryLimit({KV_INGEST_MEMORY_LIMIT: "4GB"})).toBe("4GB");
    expect(ingestMemoryLimit({KV_INGEST_MEMORY_LIMIT: " 1.5 GiB "})).toBe("1.5GiB");
    expect(() => ingestMemoryLimit({KV_INGEST_MEMORY_LIMIT: "veel"})).toThrow(/KV_INGEST_MEMORY_LIMIT: expected an amount of memory such as 4GB or 512MB, found "veel"/);
    expect(() => ingestMemoryLimit({KV_INGEST_MEMORY_LIMIT: "80%"})).toThrow(/found "80%"/);
  });

  it("is a value DuckDB itself accepts and applies", async () => {
    for (const limit of [ingestMemoryLimit({}, 8 * 2 ** 30), ingestMemoryLimit({KV_INGEST_MEMORY_LIMIT: "1.5GiB"})]) {
      const connection = await (await DuckDBInstance.create(":memory:", {memory_limit: limit})).connect();
      const reader = await connection.runAndReadAll("SELECT current_setting('memory_limit') AS limit");
      expect(String(reader.getRowObjects()[0].limit)).toMatch(/^\d+(\.\d+)? (MiB|GiB)$/);
      connection.closeSync();
    }
  });
});
