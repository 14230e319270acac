// The menu of example queries, grouped by section of the report (the queries are ./examples.ts).
import {html} from "htl";
import {examplesBySection, type ExampleQuery} from "./examples.js";

/** The editor text for an example: a comment naming the table or figure, then the SQL. */
export function exampleText(example: ExampleQuery): string {
  return `-- ${example.source}: ${example.title}\n${example.sql}`;
}

/** A <select id="sql-example"> with one <optgroup> per section of `examples`; `pick` gets the chosen example. */
export function examplesMenu(examples: readonly ExampleQuery[], pick: (example: ExampleQuery) => void): HTMLSelectElement {
  const select = html`<select id="sql-example">
    <option value="">Kies een voorbeeld…</option>
    ${[...examplesBySection(examples)].map(([section, list]) => html`<optgroup label=${section}>${list.map((e) => html`<option value=${e.id}>${`${e.source}: ${e.title}`}</option>`)}</optgroup>`)}
  </select>` as HTMLSelectElement;
  select.addEventListener("change", () => {
    const example = examples.find((e) => e.id === select.value);
    if (example) pick(example);
  });
  return select;
}
