/**
 * ZLIB-compressed data (.zsav, PSPP manual B.14): a header giving the trailer's place, deflate blocks, and a
 * trailer listing every block's offsets and sizes. The declared sizes are checked before anything is inflated
 * (each block within the file and within the declared block size, the total under READ_LIMITS.maxInflatedBytes),
 * and each block is inflated with its declared size as the output limit, so a decompression bomb is refused
 * before it allocates.
 */
import {inflateSync} from "node:zlib";
import {READ_LIMITS} from "../limits.ts";
import {Cursor} from "./cursor.ts";

interface Block {
  at: number;
  uncompressedSize: number;
  compressedOffset: number;
  compressedSize: number;
}

function readTrailer(c: Cursor, start: number): Block[] {
  c.pos = start;
  const headerOffset = c.int64("ZLIB data header: its own offset");
  const trailerOffset = c.int64("ZLIB data header: trailer offset");
  const trailerLength = c.int64("ZLIB data header: trailer length");
  if (headerOffset !== start) c.fail(`ZLIB header offset ${start}`, String(headerOffset), start);
  if (!(trailerOffset >= start + 24 && trailerLength >= 24 && trailerOffset + trailerLength <= c.bytes.length && (trailerLength - 24) % 24 === 0)) c.fail(`a ZLIB trailer within the file (${c.bytes.length} bytes) made of 24-byte entries`, `offset ${trailerOffset}, length ${trailerLength}`, start + 8);
  c.pos = trailerOffset;
  c.int64("ZLIB trailer: bias");
  c.int64("ZLIB trailer: zero");
  const blockSize = c.int32("ZLIB trailer: block size");
  const nBlocks = c.int32("ZLIB trailer: number of blocks");
  if (blockSize <= 0 || nBlocks !== (trailerLength - 24) / 24) c.fail(`a block size above 0 and ${(trailerLength - 24) / 24} blocks as the trailer length says`, `block size ${blockSize}, ${nBlocks} blocks`, trailerOffset + 16);
  const blocks: Block[] = [];
  let expectedOffset = start + 24;
  let total = 0;
  for (let i = 0; i < nBlocks; i++) {
    const at = c.pos;
    c.int64("ZLIB block: uncompressed offset");
    const compressedOffset = c.int64("ZLIB block: compressed offset");
    const uncompressedSize = c.int32("ZLIB block: uncompressed size");
    const compressedSize = c.int32("ZLIB block: compressed size");
    if (compressedOffset !== expectedOffset || compressedSize <= 0 || compressedOffset + compressedSize > trailerOffset) c.fail(`block ${i + 1}'s compressed bytes at offset ${expectedOffset}, before the trailer`, `offset ${compressedOffset}, ${compressedSize} bytes`, at);
    if (uncompressedSize < 0 || uncompressedSize > blockSize) c.fail(`an uncompressed size of block ${i + 1} of at most the block size ${blockSize}`, String(uncompressedSize), at + 16);
    total += uncompressedSize;
    if (total > READ_LIMITS.maxInflatedBytes) c.fail(`compressed data that inflate to at most ${READ_LIMITS.maxInflatedBytes} bytes`, `at least ${total} bytes declared by block ${i + 1}`, at + 16);
    expectedOffset += compressedSize;
    blocks.push({at, uncompressedSize, compressedOffset, compressedSize});
  }
  return blocks;
}

export function inflateZlibData(c: Cursor, start: number): Uint8Array {
  const blocks = readTrailer(c, start);
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.uncompressedSize, 0));
  let o = 0;
  for (const [i, b] of blocks.entries()) {
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(c.bytes.subarray(b.compressedOffset, b.compressedOffset + b.compressedSize), {maxOutputLength: Math.max(1, b.uncompressedSize)});
    } catch (error) {
      const tooLong = (error as {code?: string}).code === "ERR_BUFFER_TOO_LARGE";
      c.fail(tooLong ? `block ${i + 1} to inflate to the ${b.uncompressedSize} bytes the trailer declares` : "a valid ZLIB compressed block", tooLong ? "more" : (error as Error).message, b.compressedOffset);
    }
    if (inflated.length !== b.uncompressedSize) c.fail(`block ${i + 1} to inflate to the ${b.uncompressedSize} bytes the trailer declares`, `${inflated.length} bytes`, b.compressedOffset);
    out.set(inflated, o);
    o += inflated.length;
  }
  return out;
}
