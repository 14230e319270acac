// A text cell: the Markdown rendered safely (../markdown.ts: no raw HTML, links only http(s) and relative), and a
// text box to edit it, folded away so that the notebook reads as a text.
import {html} from "htl";
import {renderMarkdown} from "../markdown.js";
import type {TextCell} from "../notebook.js";

export function textCellView(cell: TextCell, onChange: (cell: TextCell) => void): {element: HTMLElement} {
  const id = `nb-text-${cell.id}`;
  const rendered = html`<div class="notebook-text"></div>`;
  // renderMarkdown escapes every tag and drops unsafe links: its output is the only HTML written here
  const render = (markdown: string) => (rendered.innerHTML = renderMarkdown(markdown));
  render(cell.markdown);
  const box = html`<textarea id=${id} rows="5"></textarea>` as HTMLTextAreaElement;
  box.value = cell.markdown;
  box.addEventListener("change", () => {
    render(box.value);
    onChange({...cell, markdown: box.value});
  });
  const element = html`<div>${rendered}<details class="notebook-edit"><summary>Tekst bewerken</summary>
    <label for=${id}>Tekst (Markdown; HTML wordt als tekst getoond)</label>${box}</details></div>`;
  return {element};
}
