// DuckDB-WASM's module reaches the page as a gzip copy (src/data/duckdb.zip.ts: 7,7 MB instead of 34 MB, under every
// static host's file limit); the page unpacks it with the browser's own DecompressionStream and hands DuckDB's worker
// a same-origin blob: URL. A host that serves the .gz with Content-Encoding: gzip has the browser unpack it already:
// the first bytes tell.

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

/**
 * A blob: URL of the unpacked module at `packed` (a URL of the gzip copy), for `db.instantiate`. Once per page: a
 * second database (the workbench's) reuses it. A failed fetch is not kept, so asking again tries again.
 */
export function duckdbModuleUrl(packed: string, fetcher: typeof fetch = fetch): Promise<string> {
  const url = (moduleUrl ??= (async () => {
    const response = await fetcher(packed);
    if (!response.ok) throw new Error(`DuckDB-WASM kon niet worden geladen: ${packed} gaf ${response.status}`);
    return URL.createObjectURL(await wasmBlob(await response.arrayBuffer()));
  })());
  url.catch(() => {
    if (moduleUrl === url) moduleUrl = undefined;
  });
  return url;
}
