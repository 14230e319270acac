// A cell's statement runs prepared, its values bound in order, and the prepared statement is closed, also when
// running it fails.
import {describe, expect, it} from "vitest";
import {runStatement, type StatementConnection} from "../../../src/components/notebook/run-statement.ts";

function recordingConnection(fail = false): {connection: StatementConnection; calls: string[]} {
  const calls: string[] = [];
  const connection: StatementConnection = {
    async prepare(sql) {
      calls.push(`prepare ${sql}`);
      return {
        async query(...params) {
          calls.push(`run ${JSON.stringify(params)}`);
          if (fail) throw new Error("Binder Error: kolom bestaat niet");
        },
        async close() {
          calls.push("close");
        }
      };
    }
  };
  return {connection, calls};
}

describe("runStatement", () => {
  it("prepares the statement, binds the values in order, runs it and closes it", async () => {
    const {connection, calls} = recordingConnection();
    await runStatement(connection, "CREATE OR REPLACE TEMP TABLE t AS SELECT $1, $2", [{type: "VARCHAR", value: "<25.000"}, {type: "DOUBLE", value: 3}]);
    expect(calls).toEqual(["prepare CREATE OR REPLACE TEMP TABLE t AS SELECT $1, $2", 'run ["<25.000",3]', "close"]);
  });

  it("runs a statement without values the same way", async () => {
    const {connection, calls} = recordingConnection();
    await runStatement(connection, "CREATE OR REPLACE TEMP TABLE t AS SELECT 1", []);
    expect(calls).toEqual(["prepare CREATE OR REPLACE TEMP TABLE t AS SELECT 1", "run []", "close"]);
  });

  it("closes the prepared statement when running it fails, and passes the error on", async () => {
    const {connection, calls} = recordingConnection(true);
    await expect(runStatement(connection, "SELECT $1", [{type: "DOUBLE", value: 1}])).rejects.toThrow(/Binder Error/);
    expect(calls.at(-1)).toBe("close");
  });
});
