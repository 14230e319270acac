// The short list of terms that closes every lab page: the Dutch term, the English one (marked as English for
// screen readers) and one sentence of explanation.
import {html} from "htl";

/** [Dutch term, English term, explanation]. */
export type GlossaryEntry = readonly [term: string, english: string, explanation: string];

export function glossary(entries: readonly GlossaryEntry[]): HTMLDListElement {
  return html`<dl class="lab-glossary">${entries.map(([term, english, explanation]) => html`<dt>${term} <span lang="en">(${english})</span></dt><dd>${explanation}</dd>`)}</dl>`;
}
