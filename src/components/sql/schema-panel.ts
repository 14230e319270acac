// The schema panel: every table with its columns and types, and for item columns the Dutch question and answer
// labels (the contents come from ./schema.ts).
import {html} from "htl";
import type {SchemaTable} from "./schema.js";

/** One <details> per table; the respondents table and the reader's own tables start open. */
export function schemaPanel(tables: SchemaTable[]): HTMLElement {
  if (!tables.length) return html`<p>Tabellen laden…</p>`;
  return html`<div>${tables.map(
    (table) => html`<details open=${table.own || table.name === "respondents"}>
      <summary><code>${table.name}</code>${table.own ? " (eigen bestand)" : ""}${` · ${table.columns.length} kolommen`}</summary>
      <ul tabindex="0" aria-label=${`Kolommen van ${table.name}`}>${table.columns.map(
        (column) => html`<li><code>${column.name}</code><span class="sql-type">${` ${column.type}`}</span>${
          column.question ? html`<div class="sql-question" lang="nl">${column.question}</div>` : null
        }${column.labels ? html`<div class="sql-labels">${column.labels}</div>` : null}</li>`
      )}</ul>
    </details>`
  )}</div>`;
}
