// A table with more columns than a phone is wide: it scrolls sideways in its own region instead of breaking
// words letter by letter. The region is focusable and named, so it can be scrolled by keyboard (WCAG 2.1.1).
import {html} from "htl";

export function wideTable(table: HTMLTableElement): HTMLDivElement {
  const name = table.caption?.textContent ?? "Tabel";
  return html`<div class="lab-wide-table" role="region" tabindex="0" aria-label=${name}>${table}</div>`;
}
