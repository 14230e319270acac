// The DuckDB module as the site ships it: a gzip copy unpacked in the page; a host that already unpacked it
// (Content-Encoding: gzip) is recognised by the first bytes.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {duckdbModuleUrl, isGzip, wasmBlob} from "../../src/components/duckdb-module.ts";

const module = readFileSync(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe("DuckDB's module", () => {
  it("unpacks the gzip copy to the module's exact bytes, typed application/wasm", async () => {
    const packed = gzipSync(module);
    expect(isGzip(packed)).toBe(true);
    const blob = await wasmBlob(buffer(packed));
    expect(blob.type).toBe("application/wasm");
    expect(Buffer.from(await blob.arrayBuffer()).equals(module)).toBe(true);
  });

  it("takes a body the host already unpacked as it is (a wasm module starts with \\0asm, not the gzip bytes)", async () => {
    expect(isGzip(module)).toBe(false);
    const blob = await wasmBlob(buffer(module));
    expect(blob.size).toBe(module.length);
    expect(WebAssembly.validate(new Uint8Array(await blob.arrayBuffer()))).toBe(true);
  });

  it("is fetched once per page; a failed fetch says which file and what the server answered, and is tried again", async () => {
    const asked: string[] = [];
    let status = 404;
    const server = (async (url: string) => (asked.push(url), status === 200 ? new Response(gzipSync(module.subarray(0, 64))) : new Response("niet gevonden", {status}))) as typeof fetch;
    const packed = "./_file/data/duckdb/duckdb-eh.wasm.gz";
    await expect(duckdbModuleUrl(packed, server)).rejects.toThrow(`DuckDB-WASM kon niet worden geladen: ${packed} gaf 404`);
    status = 200;
    const url = await duckdbModuleUrl(packed, server);
    expect(url).toMatch(/^blob:/);
    expect(await duckdbModuleUrl(packed, server)).toBe(url);
    expect(asked).toEqual([packed, packed]);
  });
});
