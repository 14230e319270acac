// A notebook as a `.kvnb.json` file: for notebooks too long for a link, and for keeping one outside the browser.
// Opening a file is reading untrusted input, so it goes through the same validator as a link.
import {parseNotebook, serializeNotebook, type Notebook} from "./notebook.js";
import {MAX_NOTEBOOK_BYTES} from "./share.js";

export const NOTEBOOK_FILE_EXTENSION = ".kvnb.json";
export const NOTEBOOK_FILE_TYPE = "application/json";

/** The file to save: a name from the title ("Beschikbaarheid naar grootte" -> beschikbaarheid-naar-grootte.kvnb.json) and the text. */
export function notebookFile(notebook: Notebook): {name: string; type: string; text: string} {
  const slug = notebook.title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return {name: `${slug || "notebook"}${NOTEBOOK_FILE_EXTENSION}`, type: NOTEBOOK_FILE_TYPE, text: `${JSON.stringify(JSON.parse(serializeNotebook(notebook)), null, 2)}\n`};
}

/** The notebook in a file's text; a NotebookError (Dutch, naming cell and field) when it is not a valid notebook. */
export function readNotebookFile(text: string): Notebook {
  if (text.length > MAX_NOTEBOOK_BYTES) throw new RangeError(`Dit bestand is groter dan ${MAX_NOTEBOOK_BYTES / 1e6} MB; een notebook is veel kleiner.`);
  return parseNotebook(text.replace(/^\uFEFF/, ""));
}
