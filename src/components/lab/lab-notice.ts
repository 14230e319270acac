// The sentence every lab page opens with: where the numbers come from, worded from the data's provenance
// (a lab built from a publisher's export never calls its data reconstructed, nor counts another data set's rows).
import {html} from "htl";
import {dataNotice, type DataProvenance} from "../survey/provenance.js";

/** The data notice as a paragraph; `more` is appended (e.g. a link to the page about the reconstruction). */
export function labNotice(provenance: DataProvenance, {more}: {more?: Node | string} = {}): HTMLParagraphElement {
  return html`<p class="lab-notice" data-source=${provenance.source}>${dataNotice(provenance)}${more ? [" ", more] : null}</p>`;
}
