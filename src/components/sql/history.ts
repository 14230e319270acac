// The last queries run in this browser, kept in localStorage so that they survive a reload.

export interface HistoryEntry {
  sql: string;
  /** When the query was last run, ISO 8601. */
  at: string;
}

/** The part of the Web Storage API the history needs; tests pass a Map-backed fake. */
export type HistoryStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface QueryHistory {
  list(): HistoryEntry[];
  /** Puts `sql` on top (a repeated query moves up instead of appearing twice) and returns the new list. */
  add(sql: string, at?: Date): HistoryEntry[];
  clear(): void;
}

/**
 * A query history in `storage` under `key`, at most `limit` entries, newest first.
 * Options: `key` (default "kennisverkenner.sql.history"), `limit` (default 50).
 * Storage that is missing, full or holds something unreadable degrades to an empty history, never an error.
 */
export function queryHistory(storage: HistoryStorage | null, {key = "kennisverkenner.sql.history", limit = 50} = {}): QueryHistory {
  const read = (): HistoryEntry[] => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? "[]");
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((e): e is HistoryEntry => typeof e?.sql === "string" && typeof e?.at === "string").slice(0, limit);
    } catch {
      return [];
    }
  };
  const write = (entries: HistoryEntry[]) => {
    try {
      storage?.setItem(key, JSON.stringify(entries));
    } catch {
      /* storage full or blocked: the history is a convenience, the query still runs */
    }
  };
  return {
    list: read,
    add(sql, at = new Date()) {
      const text = sql.trim();
      if (!text) return read();
      const entries = [{sql: text, at: at.toISOString()}, ...read().filter((e) => e.sql !== text)].slice(0, limit);
      write(entries);
      return entries;
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        /* nothing to clear */
      }
    }
  };
}
