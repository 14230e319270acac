// Where DuckDB-WASM's module comes from. The built site has it only as a gzip copy (scripts/pack-duckdb-wasm.ts:
// 7,7 MB instead of 34 MB, under every static host's file limit), and its pages say so in a <meta> the post-build
// adds; the page unpacks it with the browser's own DecompressionStream and hands DuckDB's worker a same-origin blob:
// URL. Without that <meta> (`npm run dev`, a Framework page exported from a notebook) the plain file is used. A host
// that serves the .gz with Content-Encoding: gzip has the browser unpack it already: the first bytes tell.

/** The first two bytes of every gzip stream. */
const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** The module's bytes from a (possibly) gzip body, as a blob DuckDB's worker can instantiate (application/wasm). */
export async function wasmBlob(body: ArrayBuffer): Promise<Blob> {
  const unpacked = isGzip(new Uint8Array(body, 0, Math.min(2, body.byteLength))) ? await new Response(new Blob([body]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer() : body;
  return new Blob([unpacked], {type: "application/wasm"});
}

let moduleUrl: Promise<string> | undefined;

/** Whether this page was built with the packed module (the post-build's <meta name="kv-duckdb-module">). */
export function sitePacksModule(doc: Pick<Document, "querySelector"> = document): boolean {
  return doc.querySelector('meta[name="kv-duckdb-module"]')?.getAttribute("content") === "gzip";
}

/**
 * A URL of DuckDB's module for `db.instantiate`: a blob: URL of the unpacked copy when the site has one, else the
 * plain file. Once per page: a second database (the workbench's) reuses it.
 */
export function duckdbModuleUrl(plain: string, fetcher: typeof fetch = fetch): Promise<string> {
  return (moduleUrl ??= (async () => {
    if (!sitePacksModule()) return plain;
    const packed = await fetcher(`${plain}.gz`);
    if (!packed.ok) throw new Error(`DuckDB-WASM kon niet worden geladen: ${plain}.gz gaf ${packed.status}`);
    return URL.createObjectURL(await wasmBlob(await packed.arrayBuffer()));
  })());
}
