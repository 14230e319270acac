// Links that open a query in the SQL workbench (/sql?q=...), and reading the query back from such a link.
// The query itself lives in the URL, so a link can be shared, bookmarked and reruns the same SQL.

/** The query-string parameter that carries the SQL. */
export const queryParameter = "q";

/**
 * The address of the SQL workbench with `query` filled in, e.g. for an "open this query" link under a chart.
 * Options: `page` (default "/sql"), the path of the workbench page; pass a relative path such as "./sql"
 * when the site may be served from a sub-folder.
 */
export function sqlLink(query: string, {page = "/sql"}: {page?: string} = {}): string {
  const search = new URLSearchParams({[queryParameter]: query.trim()});
  return `${page}?${search.toString()}`;
}

/** The SQL carried by a location's query string ("?q=..."), or null when there is none. */
export function sharedQuery(search: string): string | null {
  const value = new URLSearchParams(search).get(queryParameter);
  return value && value.trim() ? value : null;
}

/** The same page address with `query` as its query string, keeping the hash; used with history.replaceState. */
export function withSharedQuery(href: string, query: string): string {
  const url = new URL(href);
  if (query.trim()) url.searchParams.set(queryParameter, query.trim());
  else url.searchParams.delete(queryParameter);
  return url.toString();
}
