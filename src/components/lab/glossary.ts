// The short list of terms that closes every lab page: the Dutch term, the English one (marked as English for
// screen readers) and one sentence of explanation.
import {html} from "htl";

/** [Dutch term, English term, explanation]. */
export type GlossaryEntry = readonly [term: string, english: string, explanation: string];

export function glossary(entries: readonly GlossaryEntry[]): HTMLDListElement {
  // one element per template: htl wraps a template with two top-level elements in a <span>, which a <dl> may not hold
  return html`<dl class="lab-glossary">${entries.flatMap(([term, english, explanation]) => [html`<dt>${term} <span lang="en">(${english})</span></dt>`, html`<dd>${explanation}</dd>`])}</dl>`;
}
