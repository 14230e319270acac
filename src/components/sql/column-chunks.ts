// The values of one Arrow column, chunk by chunk. Arrow's own `get` decodes every text value with its own
// TextDecoder call and looks up the chunk for every row; for a CSV export of millions of rows that decoding was
// most of the page's work. Here a text chunk is decoded once: when its bytes are ASCII (byte offsets are then
// character offsets) each value is a slice of that one string; otherwise each value is decoded as Arrow does.
import {DataType, makeVector, type Data, type Vector} from "apache-arrow";

const decoder = new TextDecoder();

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

/** A reader of one chunk: `value(i)` for i in [0, chunk length). */
function chunkReader(data: Data): (i: number) => unknown {
  const valid = data.nullCount === 0 ? () => true : (i: number) => data.getValid(i);
  if (DataType.isUtf8(data.type) && data.valueOffsets && data.values) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = (data.values as Uint8Array).subarray(offsets[0], offsets[data.length]);
    if (isAscii(bytes)) {
      const text = decoder.decode(bytes);
      const base = offsets[0];
      return (i) => (valid(i) ? text.slice(offsets[i] - base, offsets[i + 1] - base) : null);
    }
  }
  const vector = makeVector(data);
  return (i) => vector.get(i);
}

/** Calls `each(row, value)` for rows [from, to) of `vector`, in order. */
export function forEachValue(vector: Vector, from: number, to: number, each: (row: number, value: unknown) => void): void {
  let start = 0;
  for (const data of vector.data) {
    const end = start + data.length;
    if (end > from && start < to) {
      const read = chunkReader(data);
      for (let row = Math.max(from, start); row < Math.min(to, end); row++) each(row, read(row - start));
    }
    start = end;
    if (start >= to) break;
  }
}
