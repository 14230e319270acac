// From the workbench to the notebook: the query in the editor as a one-cell notebook (the same notebook an old
// `/sql?q=` link opens as on the notebook page), or the notebook page with `?q=` when the query is too long for a
// notebook link, so that the notebook page reports why.
import {fromLegacyQuery, notebookLink} from "../notebook/share.js";
import {sqlLink} from "./link.js";

export function queryNotebookLink(sql: string, {page = "./notebook"}: {page?: string} = {}): string {
  try {
    const notebook = fromLegacyQuery(`?q=${encodeURIComponent(sql)}`);
    return notebook ? notebookLink(notebook, {page}) : page;
  } catch {
    return sqlLink(sql, {page});
  }
}
