import {describe, expect, it} from "vitest";
import {queryHistory, type HistoryStorage} from "../../../src/components/sql/history.js";

function memoryStorage(): HistoryStorage & {data: Map<string, string>} {
  const data = new Map<string, string>();
  return {data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k)};
}

describe("queryHistory", () => {
  it("keeps the newest 50 queries, newest first", () => {
    const history = queryHistory(memoryStorage());
    for (let i = 0; i < 60; ++i) history.add(`SELECT ${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)));
    const list = history.list();
    expect(list).toHaveLength(50);
    expect(list[0].sql).toBe("SELECT 59");
    expect(list[49].sql).toBe("SELECT 10");
  });
  it("moves a repeated query to the top instead of listing it twice", () => {
    const history = queryHistory(memoryStorage());
    history.add("SELECT 1");
    history.add("SELECT 2");
    expect(history.add("  SELECT 1 ").map((e) => e.sql)).toEqual(["SELECT 1", "SELECT 2"]);
  });
  it("survives a new history object on the same storage (a reload)", () => {
    const storage = memoryStorage();
    queryHistory(storage).add("SELECT 42");
    expect(queryHistory(storage).list()[0].sql).toBe("SELECT 42");
  });
  it("treats unreadable or missing storage as empty", () => {
    const storage = memoryStorage();
    storage.setItem("kennisverkenner.sql.history", "{not json");
    expect(queryHistory(storage).list()).toEqual([]);
    expect(queryHistory(null).add("SELECT 1")).toEqual([{sql: "SELECT 1", at: expect.any(String)}]);
    const full: HistoryStorage = {getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {}};
    expect(() => queryHistory(full).add("SELECT 1")).not.toThrow();
  });
});
