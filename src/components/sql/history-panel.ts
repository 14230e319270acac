// The list of recent queries (kept by ./history.ts); clicking one puts it back in the editor.
import {html} from "htl";
import type {HistoryEntry} from "./history.js";

/** A query shortened for the list: at most `length` characters, with an ellipsis. */
export function historyLabel(sql: string, length = 90): string {
  return sql.length > length ? `${sql.slice(0, length)}…` : sql;
}

/** The <li> items of the history list. */
export function historyItems(entries: HistoryEntry[], pick: (sql: string) => void): HTMLElement[] {
  if (!entries.length) return [html`<li>Nog geen queries uitgevoerd.</li>`];
  return entries.map((entry) => html`<li><button type="button" class="sql-history-item" title=${entry.sql} onclick=${() => pick(entry.sql)}>${historyLabel(entry.sql)}</button></li>`);
}
