/** The cases: 8-byte elements (numbers, or string bytes padded with spaces), uncompressed or bytecode compressed. */
import {SYSMIS} from "../../read/sav/types.ts";
import {segmentWidth, slotsOf, type PreparedColumns} from "./columns.ts";
import type {Out} from "./out.ts";

export function writeData(out: Out, {cols, ncases}: PreparedColumns, compression: "bytecode" | "none"): void {
  const element = new Uint8Array(8);
  const ev = new DataView(element.buffer);
  // A case as a list of 8-byte elements, each either a number or string bytes.
  const writeCase = (k: number, emit: (num: number | null, str: Uint8Array | null) => void) => {
    for (const x of cols) {
      if (x.width === 0) { emit(x.nums[k], null); continue; }
      const s = x.strs[k];
      for (let seg = 0; seg < x.segs; seg++) {
        const segW = segmentWidth(x.width, seg, x.segs);
        const start = seg * 255;
        const n = slotsOf(segW);
        for (let e = 0; e < n; e++) {
          element.fill(0x20);
          const from = start + e * 8;
          const upto = Math.min(s.length, start + Math.min((e + 1) * 8, segW));
          if (from < upto) element.set(s.subarray(from, upto));
          emit(null, element);
        }
      }
    }
  };
  if (compression === "none") {
    for (let k = 0; k < ncases; k++) {
      writeCase(k, (num, str) => {
        if (str) out.bytes(str);
        else out.float64(num === null ? SYSMIS : num);
      });
    }
  } else {
    let codes: number[] = [];
    let literals: Uint8Array[] = [];
    const flush = () => {
      while (codes.length < 8) codes.push(0);
      out.bytes(Uint8Array.from(codes));
      for (const l of literals) out.bytes(l);
      codes = [];
      literals = [];
    };
    const push = (code: number, literal?: Uint8Array) => {
      codes.push(code);
      if (literal) literals.push(literal.slice());
      if (codes.length === 8) flush();
    };
    for (let k = 0; k < ncases; k++) {
      writeCase(k, (num, str) => {
        if (str) {
          if (str.every((b) => b === 0x20)) push(254);
          else push(253, str);
        } else if (num === null) push(255);
        else if (Number.isInteger(num) && num >= -99 && num <= 151 && !Object.is(num, -0)) push(num + 100);
        else {
          ev.setFloat64(0, num, true);
          push(253, element);
        }
      });
    }
    push(252);
    if (codes.length) flush();
  }
}
