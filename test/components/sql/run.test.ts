import {describe, expect, it} from "vitest";
import {tableFromArrays, type RecordBatch, type Schema} from "apache-arrow";
import {QueryCancelled, runQuery, type StreamingConnection} from "../../../src/components/sql/run.js";

/** A connection whose result is `batches` batches of 1000 rows, delivered one per tick. */
function fakeConnection(batches: number): StreamingConnection & {cancels: number} {
  const batch = tableFromArrays({x: Int32Array.from({length: 1000}, (_, i) => i)}).batches[0];
  const fake = {
    cancels: 0,
    async send() {
      async function* stream(): AsyncGenerator<RecordBatch> {
        for (let i = 0; i < batches; ++i) {
          await new Promise((ok) => setTimeout(ok, 0));
          yield batch;
        }
      }
      return Object.assign(stream(), {schema: batch.schema as Schema});
    },
    async cancelSent() {
      fake.cancels++;
      return true;
    }
  };
  return fake;
}

describe("runQuery", () => {
  it("keeps the first rows and counts all of them", async () => {
    const {result} = runQuery(fakeConnection(1000), "SELECT ...", {keepRows: 2500});
    const {table, rowCount, complete} = await result;
    expect(table.numRows).toBe(2500);
    expect(rowCount).toBe(1_000_000);
    expect(complete).toBe(false);
  });
  it("says complete when everything was kept", async () => {
    const {table, rowCount, complete} = await runQuery(fakeConnection(2), "SELECT ...").result;
    expect([table.numRows, rowCount, complete]).toEqual([2000, 2000, true]);
  });
  it("keeps the schema of an empty result", async () => {
    const {table, rowCount} = await runQuery(fakeConnection(0), "SELECT ...").result;
    expect(table.schema.fields.map((f) => f.name)).toEqual(["x"]);
    expect(rowCount).toBe(0);
  });
  it("stops reading and asks DuckDB to cancel", async () => {
    const connection = fakeConnection(1_000_000);
    const running = runQuery(connection, "SELECT ...");
    setTimeout(() => running.cancel(), 5);
    await expect(running.result).rejects.toBeInstanceOf(QueryCancelled);
    expect(connection.cancels).toBe(1);
  });
});

describe("runQuery with parameters and a batch listener", () => {
  it("prepares the query with positions and sends the values, then closes the statement", async () => {
    const calls: unknown[] = [];
    const batch = tableFromArrays({x: Int32Array.from([1, 2, 3])}).batches[0];
    const connection: StreamingConnection = {
      async send() {
        throw new Error("a query with parameters must be prepared");
      },
      async cancelSent() {
        return true;
      },
      async prepare(sql) {
        calls.push(["prepare", sql]);
        return {
          async send(...values) {
            calls.push(["send", values]);
            return Object.assign((async function* () {
              yield batch;
            })(), {schema: batch.schema as Schema});
          },
          async close() {
            calls.push(["close"]);
          }
        };
      }
    };
    const seen: number[] = [];
    const {rowCount} = await runQuery(connection, "SELECT x FROM t WHERE g = $grootte", {params: {grootte: "<25.000"}, onBatch: (_, rows) => void seen.push(rows)}).result;
    expect(rowCount).toBe(3);
    expect(seen).toEqual([3]);
    expect(calls).toEqual([["prepare", "SELECT x FROM t WHERE g = $1"], ["send", ["<25.000"]], ["close"]]);
  });
  it("hands every batch to onBatch and keeps none with keepRows 0", async () => {
    const seen: number[] = [];
    const {table, rowCount} = await runQuery(fakeConnection(3), "SELECT ...", {keepRows: 0, onBatch: (b, rows) => void seen.push(b.numRows, rows)}).result;
    expect(seen).toEqual([1000, 1000, 1000, 2000, 1000, 3000]);
    expect([table.numRows, rowCount]).toEqual([0, 3000]);
  });
});
