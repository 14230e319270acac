// A whole notebook in a link: its JSON, deflated (fflate) and written as base64url in the fragment (`#nb=...`,
// never sent to a server) or the query (`?nb=...`). Reading a link validates the notebook like any untrusted file.
//
// How long may a link be? Measured with Debian's chromium 156 (test/components/notebook/measure-url-limit.ts, a
// static page on 127.0.0.1:4108, binary search on the length that still opens with the state intact): the whole URL
// may be 2 097 131 characters with the state in the fragment and 1 967 050 with it in the query; longer links open
// an empty page. Servers give out far earlier, and only for the query (a fragment never reaches them):
// - nginx: `large_client_header_buffers 4 8k` by default; a request line longer than one 8k buffer gets
//   414 Request-URI Too Large (https://nginx.org/en/docs/http/ngx_http_core_module.html#large_client_header_buffers);
// - Apache httpd: `LimitRequestLine 8190` bytes by default for method + URI + protocol
//   (https://httpd.apache.org/docs/2.4/mod/core.html#limitrequestline);
// - node's http server: 16 KiB for all request headers (`--max-http-header-size`).
// So a link keeps its path and state under 8 000 characters: it then opens from any of these servers in either form,
// and it stays pasteable into mail and chat. A longer notebook is saved as a `.kvnb.json` file instead.
import {deflateSync, inflateSync, strFromU8, strToU8} from "fflate";
import {formatCount} from "../format.js";
import {sharedQuery} from "../sql/link.js";
import {LIMITS, NotebookError, parseNotebook, serializeNotebook, type Notebook} from "./notebook.js";

/** The link parameter that carries a notebook. */
export const NOTEBOOK_PARAMETER = "nb";
/** Longest path + query or fragment of a notebook link (see above). */
export const MAX_LINK_LENGTH = 8000;
/** Longest notebook JSON a link may inflate to: a link cannot make the page allocate more. */
export const MAX_NOTEBOOK_BYTES = 5_000_000;

export class ShareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShareError";
  }
}

/** The notebook as compact link text (base64url of deflated JSON). */
export function encodeNotebook(notebook: Notebook): string {
  return toBase64Url(deflateSync(strToU8(serializeNotebook(notebook)), {level: 9}));
}

/** A notebook from link text; refuses text that is not base64url, does not inflate, inflates too far or is not a valid notebook. */
export function decodeNotebook(text: string): Notebook {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new ShareError("Deze link bevat geen leesbaar notebook: de tekst na nb= is beschadigd (misschien is de link afgekapt bij het kopiëren).");
  }
  let bytes: Uint8Array;
  try {
    // one byte more than allowed: a result that fills it was cut off, so the notebook is too large
    bytes = inflateSync(fromBase64Url(text), {out: new Uint8Array(MAX_NOTEBOOK_BYTES + 1)});
  } catch {
    throw new ShareError("Deze link bevat geen leesbaar notebook: de gecomprimeerde tekst is beschadigd (misschien is de link afgekapt bij het kopiëren).");
  }
  if (bytes.length > MAX_NOTEBOOK_BYTES) throw new ShareError(`Het notebook in deze link is groter dan ${MAX_NOTEBOOK_BYTES / 1e6} MB en wordt niet geopend.`);
  return parseNotebook(strFromU8(bytes));
}

export interface LinkOptions {
  /** The notebook page, default "/notebook"; a relative path ("./notebook") when the site may live in a sub-folder. */
  page?: string;
  /** Where the state goes: "fragment" (default; never sent to the server) or "query". */
  in?: "fragment" | "query";
}

/** The link that reopens `notebook` exactly; a ShareError (Dutch) when it would be too long to share safely. */
export function notebookLink(notebook: Notebook, {page = "/notebook", in: where = "fragment"}: LinkOptions = {}): string {
  const link = `${page}${where === "fragment" ? "#" : "?"}${NOTEBOOK_PARAMETER}=${encodeNotebook(notebook)}`;
  if (link.length > MAX_LINK_LENGTH) {
    throw new ShareError(`Dit notebook is te groot voor een link (${formatCount(link.length)} tekens; een link mag hoogstens ${formatCount(MAX_LINK_LENGTH)} tekens hebben, anders weigeren veel servers hem). Bewaar het als .kvnb.json-bestand en deel dat bestand.`);
  }
  return link;
}

/**
 * The notebook a page address carries: `#nb=` or `?nb=` (the fragment wins), else an old SQL workbench link
 * `?q=...` as a one-cell notebook, else null. Throws ShareError or NotebookError when the link holds a broken notebook.
 */
export function sharedNotebook({search, hash}: {search: string; hash: string}): Notebook | null {
  const fromHash = new URLSearchParams(hash.replace(/^#/, "")).get(NOTEBOOK_PARAMETER);
  const fromQuery = new URLSearchParams(search).get(NOTEBOOK_PARAMETER);
  const text = fromHash ?? fromQuery;
  if (text !== null) return decodeNotebook(text);
  return fromLegacyQuery(search);
}

/** An old `/sql?q=...` link as a notebook with one SQL cell `tabel1`; null without a query. */
export function fromLegacyQuery(search: string): Notebook | null {
  const sql = sharedQuery(search);
  if (sql === null) return null;
  if (sql.length > LIMITS.sql) throw new NotebookError(`De query in deze link is langer dan ${LIMITS.sql} tekens en wordt niet geopend.`, 0, "sql");
  return parseNotebook({version: 1, title: "Gedeelde query", cells: [{kind: "sql", id: "q1", name: "tabel1", sql}]});
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
