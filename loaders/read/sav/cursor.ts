import {InputError} from "../../input-error.ts";

/**
 * Reads a .sav's fixed-size fields with bounds checks: every read past the end, and every negative or impossible
 * length, becomes an InputError at the byte offset where the field starts. `base` is the offset of `bytes` in
 * the file, so a cursor over one record's body still reports file offsets.
 */
export class Cursor {
  pos = 0;
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly file: string, public le = true, readonly base = 0) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** A cursor over `length` bytes from here (an extension record's body), same byte order and file offsets. */
  sub(length: number, what: string): Cursor {
    return new Cursor(this.take(length, what), this.file, this.le, this.base + this.pos - length);
  }
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
  fail(expected: string, found?: string, at = this.base + this.pos): never {
    throw new InputError({file: this.file, line: at, unit: "byte", expected, found});
  }
  need(n: number, what: string): void {
    if (this.pos + n > this.bytes.length) this.fail(`${what} (${n} bytes)`, `end of ${this.base ? "the record" : "file"} after ${this.bytes.length - this.pos} bytes`);
  }
  int32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  /** A 32-bit length that must fit in what is left (so no allocation follows a forged length). */
  length(what: string, unitBytes = 1): number {
    const at = this.base + this.pos;
    const n = this.int32(`the length of ${what}`);
    if (n < 0 || n * unitBytes > this.bytes.length - this.pos) this.fail(`a length of ${what} that fits in the ${this.bytes.length - this.pos} bytes left`, String(n), at);
    return n;
  }
  int64(what: string): number {
    this.need(8, what);
    const v = Number(this.view.getBigInt64(this.pos, this.le));
    this.pos += 8;
    return v;
  }
  float64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.le);
    this.pos += 8;
    return v;
  }
  byte(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }
  take(n: number, what: string): Uint8Array {
    if (n < 0) this.fail(`a non-negative length for ${what}`, String(n), this.base + this.pos - 4);
    this.need(n, what);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

export const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join("");
export const rtrim = (s: string) => s.replace(/[ \0]+$/, "");
