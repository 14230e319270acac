import {describe, expect, test} from "vitest";
import {toArrayBuffer} from "../../src/components/parquet.ts";

describe("toArrayBuffer", () => {
  test("a small Node Buffer (a view into Node's shared pool) gives exactly its own bytes", () => {
    const buffer = Buffer.from("PAR1 and some bytes PAR1");
    expect(buffer.byteLength).toBeLessThan(buffer.buffer.byteLength); // the pool is larger: the case that went wrong
    const copy = new Uint8Array(toArrayBuffer(buffer));
    expect(Buffer.from(copy).toString()).toBe("PAR1 and some bytes PAR1");
  });
  test("a view at an offset gives the viewed bytes only", () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    expect([...new Uint8Array(toArrayBuffer(whole.subarray(1, 3)))]).toEqual([2, 3]);
  });
  test("a whole array's buffer is used as it is", () => {
    const whole = new Uint8Array([1, 2, 3]);
    expect(toArrayBuffer(whole)).toBe(whole.buffer);
  });
});
