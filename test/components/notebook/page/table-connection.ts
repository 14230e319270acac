// A TableConnection (the page's executor connection) over @duckdb/node-api, for the notebook view's jsdom tests:
// values bound by their JavaScript type as DuckDB-WASM binds them, results returned as Arrow tables.
import type {DuckDBConnection} from "@duckdb/node-api";
import {tableFromJSON} from "apache-arrow";
import type {TableConnection} from "../../../../src/components/notebook/page/table-executor.ts";

const plain = (v: unknown) => (typeof v === "bigint" ? Number(v) : v);

export function nodeTableConnection(connection: DuckDBConnection, log: string[] = []): TableConnection {
  return {
    async prepare(sql) {
      const statement = await connection.prepare(sql);
      return {
        async query(...params: unknown[]) {
          params.forEach((p, i) => (typeof p === "number" ? statement.bindDouble(i + 1, p) : statement.bindVarchar(i + 1, String(p))));
          log.push(sql.match(/TEMP TABLE (\w+)/)?.[1] ?? sql);
          await statement.run();
        },
        close: async () => {}
      };
    },
    async query(sql) {
      const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
      return tableFromJSON(rows.length ? rows : [{}]).slice(0, rows.length);
    }
  };
}
