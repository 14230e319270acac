/** A growing little-endian byte buffer for the .sav writer. */
const enc = new TextEncoder();

export class Out {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private grow(n: number) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }
  int32(v: number) { this.grow(4); this.view.setInt32(this.length, v, true); this.length += 4; }
  float64(v: number) { this.grow(8); this.view.setFloat64(this.length, v, true); this.length += 8; }
  byte(v: number) { this.grow(1); this.buf[this.length++] = v; }
  bytes(b: Uint8Array) { this.grow(b.length); this.buf.set(b, this.length); this.length += b.length; }
  /** Bytes padded (or cut) to exactly n, padding with `pad`. */
  fixed(b: Uint8Array, n: number, pad = 0x20) {
    this.grow(n);
    const k = Math.min(b.length, n);
    this.buf.set(b.subarray(0, k), this.length);
    this.buf.fill(pad, this.length + k, this.length + n);
    this.length += n;
  }
  setInt32At(offset: number, v: number) { this.view.setInt32(offset, v, true); }
  result() { return this.buf.slice(0, this.length); }
}

/** Cut a UTF-8 string to at most n bytes without splitting a character. */
export function utf8Truncate(s: string, n: number): Uint8Array {
  const b = enc.encode(s);
  if (b.length <= n) return b;
  let k = n;
  while (k > 0 && (b[k] & 0xc0) === 0x80) k--;
  return b.subarray(0, k);
}
