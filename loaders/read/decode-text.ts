import {InputError} from "../input-error.ts";

export type TextEncoding = "utf-8" | "windows-1252";

/**
 * Bytes to text. UTF-8 (a BOM is dropped) must be valid: an invalid byte is reported with its line and
 * byte column, since a mis-saved export (Windows-1252 saved as "UTF-8") otherwise turns "ë" into garbage silently.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: TextEncoding = "utf-8"): string {
  refuseNul(bytes, file);
  if (encoding === "windows-1252") return new TextDecoder("windows-1252").decode(bytes);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const bad = firstInvalidUtf8Offset(body);
  if (bad >= 0) {
    const {line, column} = lineAndColumnOfByte(body, bad);
    throw new InputError({file, line, column, expected: "UTF-8 text (save the export as UTF-8, or pass --encoding windows-1252)", found: `byte 0x${body[bad].toString(16).padStart(2, "0")} at line ${line}, byte ${column}`});
  }
  return new TextDecoder("utf-8").decode(body);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and 1-based byte column of a byte offset. */
export function lineAndColumnOfByte(bytes: Uint8Array, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return {line, column: offset - lineStart + 1};
}

/** A NUL byte is never text (binary data, UTF-16, or a damaged file): refused wherever it is, also after a byte-order mark. */
export function refuseNul(bytes: Uint8Array, file: string): void {
  const nul = bytes.indexOf(0);
  if (nul < 0) return;
  const {line, column} = lineAndColumnOfByte(bytes, nul);
  throw new InputError({file, line, column, expected: "text (UTF-8 or Windows-1252) without NUL bytes", found: `a NUL byte at line ${line}, byte ${column}: binary data or UTF-16`});
}
