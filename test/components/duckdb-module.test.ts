// The DuckDB module as the built site ships it: a gzip copy unpacked in the page, or the plain file when there is
// none (npm run dev); a host that already unpacked it (Content-Encoding: gzip) is recognised by the first bytes.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {isGzip, sitePacksModule, wasmBlob} from "../../src/components/duckdb-module.ts";
import {PACKED_MODULE_META} from "../../scripts/pack-duckdb-wasm.ts";
import {JSDOM} from "jsdom";

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

  it("is taken packed only on a page whose post-build says so (dev and exported pages load the plain file)", () => {
    expect(sitePacksModule(new JSDOM(`<!doctype html><head>${PACKED_MODULE_META}</head>`).window.document)).toBe(true);
    expect(sitePacksModule(new JSDOM("<!doctype html><head></head>").window.document)).toBe(false);
  });
});
