// The sentence at the top of every page that says where its numbers come from, worded from the data's provenance
// (a site built from a publisher's export never calls its data reconstructed, nor counts another data set's rows).
import {html} from "htl";
import {dataNotice, type DataProvenance, type DataView} from "./provenance.js";

/**
 * The data notice as a paragraph; `more` (a sentence or an element) follows after a space. `view` says what the page
 * shows: the story's tables, or the microdata (in protected publication: the synthetic responses).
 */
export function dataNoticeBlock(provenance: DataProvenance, {more, view = "microdata"}: {more?: Node | string; view?: DataView} = {}): HTMLParagraphElement {
  return html`<p class="data-notice" data-source=${provenance.source} data-publication=${provenance.publication}>${dataNotice(provenance, view)}${more ? [" ", more] : null}</p>`;
}
