// The sentence at the top of every page that says where its numbers come from, worded from the data's provenance
// (a site built from a publisher's export never calls its data reconstructed, nor counts another data set's rows).
import {html} from "htl";
import {dataNotice, type DataProvenance} from "./provenance.js";

/** The data notice as a paragraph; `more` (a sentence or an element) follows after a space. */
export function dataNoticeBlock(provenance: DataProvenance, {more}: {more?: Node | string} = {}): HTMLParagraphElement {
  return html`<p class="data-notice" data-source=${provenance.source}>${dataNotice(provenance)}${more ? [" ", more] : null}</p>`;
}
