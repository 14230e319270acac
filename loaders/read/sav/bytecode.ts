/**
 * Bytecode-compressed data (PSPP manual B.13): blocks of 8 one-byte codes, each followed by the 8-byte literals
 * its codes ask for. Codes 1-251 are small integers (code - bias) and only fit numeric slots; 254 (eight spaces)
 * only fits string slots: a code in the wrong kind of slot means the dictionary's variable type does not match the
 * data, and is an error naming the case and variable. Output is bounded by READ_LIMITS.maxCells.
 */
import {InputError} from "../../input-error.ts";
import {READ_LIMITS} from "../limits.ts";
import type {Cursor} from "./cursor.ts";
import {SYSMIS} from "./types.ts";

export interface SlotInfo {
  isString: boolean;
  /** Variable name, for messages. */
  name: string;
}

/** `stream` is the bytecode (the file's rest, or the inflated .zsav data); positions in errors are case numbers. */
export function decompressBytecode(c: Cursor, stream: Uint8Array, slots: SlotInfo[], bias: number): Uint8Array {
  const maxBytes = READ_LIMITS.maxCells * 8;
  let out = new Uint8Array(Math.min(maxBytes, Math.max(1024, stream.length * 4)));
  let view = new DataView(out.buffer);
  let o = 0;
  const nslots = slots.length;
  let slot = 0;
  let p = 0;
  const caseNumber = () => Math.floor(o / (nslots * 8)) + 1;
  const wrongSlot = (code: number): never => {
    const s = slots[slot];
    throw new InputError({file: c.file, line: caseNumber(), unit: "record", column: s.name, expected: `a ${s.isString ? "string" : "number"}, as the dictionary declares ${JSON.stringify(s.name)} a ${s.isString ? "string" : "numeric"} variable (its type does not match the data)`, found: `compression code ${code} (${code === 254 ? "spaces" : "a number"})`});
  };
  outer: while (p + 8 <= stream.length) {
    const codesAt = p;
    p += 8;
    for (let k = 0; k < 8; k++) {
      const code = stream[codesAt + k];
      if (code === 0) continue;
      if (code === 252) break outer;
      if (o + 8 > out.length) {
        if (out.length >= maxBytes) throw new InputError({file: c.file, line: caseNumber(), unit: "record", expected: `at most ${READ_LIMITS.maxCells} values in the data`, found: "more"});
        const bigger = new Uint8Array(Math.min(maxBytes, out.length * 2));
        bigger.set(out);
        out = bigger;
        view = new DataView(out.buffer);
      }
      if (code === 253) {
        if (p + 8 > stream.length) break outer;
        out.set(stream.subarray(p, p + 8), o);
        p += 8;
      } else if (code === 254) {
        if (!slots[slot].isString) wrongSlot(code);
        out.fill(0x20, o, o + 8);
      } else if (code === 255) {
        view.setFloat64(o, SYSMIS, c.le);
      } else {
        if (slots[slot].isString) wrongSlot(code);
        view.setFloat64(o, code - bias, c.le);
      }
      o += 8;
      slot = (slot + 1) % nslots;
    }
  }
  return out.subarray(0, o);
}
