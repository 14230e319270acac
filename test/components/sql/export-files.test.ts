import {describe, expect, it} from "vitest";
import {Int32, Table, Utf8, vectorFromArray, type RecordBatch, type Schema} from "apache-arrow";
import {parquetReadObjects} from "hyparquet";
import {csvExport, markdownExport, parquetExport} from "../../../src/components/sql/export-files.js";
import {runQuery, type StreamingConnection} from "../../../src/components/sql/run.js";

/** A connection that streams `batches` batches of 1000 rows (i, naam) and counts the queries it was sent. */
function streamingConnection(batches: number) {
  const sent: string[] = [];
  const n = batches * 1000;
  const table = new Table({
    i: vectorFromArray(Array.from({length: n}, (_, r) => r), new Int32()),
    naam: vectorFromArray(Array.from({length: n}, (_, r) => (r % 1000 === 0 ? `=rij${r / 1000}` : `rij ${r}`)), new Utf8())
  });
  const batch = table.batches[0];
  const connection: StreamingConnection = {
    async send(sql) {
      sent.push(sql);
      async function* stream(): AsyncGenerator<RecordBatch> {
        for (let b = 0; b < batches; ++b) {
          await new Promise((ok) => setTimeout(ok, 0));
          yield batch.slice(b * 1000, (b + 1) * 1000);
        }
      }
      return Object.assign(stream(), {schema: table.schema as Schema});
    },
    async cancelSent() {
      return true;
    }
  };
  return {connection, sent};
}

describe("csvExport", () => {
  it("writes the kept rows when they are the whole result, without asking DuckDB again", async () => {
    const {connection, sent} = streamingConnection(2);
    const result = await runQuery(connection, "SELECT ...").result;
    const {blob, rows} = await csvExport({result, sql: "SELECT ...", connection});
    expect(rows).toBe(2000);
    expect(sent).toHaveLength(1);
    const lines = (await blob.text()).split("\r\n");
    expect(lines.slice(0, 3)).toEqual(["i,naam", "0,'=rij0", "1,rij 1"]);
  });
  it("streams every row of a result that was kept only in part, reporting progress about once per percent", async () => {
    const {connection, sent} = streamingConnection(300);
    const result = await runQuery(connection, "SELECT ...", {keepRows: 2500}).result;
    const progress: number[] = [];
    const {blob, rows} = await csvExport({result, sql: "SELECT ...", connection}, (n) => progress.push(n));
    expect(rows).toBe(300_000);
    expect(sent).toHaveLength(2);
    expect((await blob.text()).split("\r\n").length).toBe(300_002);
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.length).toBeLessThanOrEqual(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

describe("parquetExport and markdownExport", () => {
  it("writes every row as Parquet, and at most the first rows as Markdown with the rest counted", async () => {
    const {connection} = streamingConnection(3);
    const result = await runQuery(connection, "SELECT ...", {keepRows: 1500}).result;
    const {blob, rows} = await parquetExport({result, sql: "SELECT ...", connection});
    expect(rows).toBe(3000);
    const read = await parquetReadObjects({file: await blob.arrayBuffer()});
    expect(read.at(-1)).toEqual({i: 2999, naam: "rij 2999"});
    const markdown = markdownExport(result, {maxRows: 2});
    expect(markdown).toBe("| i | naam |\n| ---: | --- |\n| 0 | =rij0 |\n| 1 | rij 1 |\n\n… nog 2.998 rijen niet opgenomen\n");
  });
});
