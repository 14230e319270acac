/**
 * The data as cases: uncompressed, bytecode or ZLIB, then split into cases of `totalSlots` 8-byte values. The
 * header's case count (unless -1, "unknown") must equal the cases found, and the data must end on a case boundary.
 */
import {InputError} from "../../input-error.ts";
import {READ_LIMITS} from "../limits.ts";
import {decompressBytecode} from "./bytecode.ts";
import {Cursor} from "./cursor.ts";
import type {SavHeader} from "./header.ts";
import {SYSMIS, type SavValue} from "./types.ts";
import type {SavLayout} from "./variables.ts";
import {inflateZlibData} from "./zlib-data.ts";

function dataBytes(c: Cursor, header: SavHeader, layout: SavLayout): Uint8Array {
  const start = c.pos;
  if (header.compressionCode === 0) return c.bytes.subarray(start);
  const slots = layout.segments.flatMap((s) => Array.from({length: s.nslots}, () => ({isString: s.record.type > 0, name: layout.variables.find((v) => v.segments.includes(s))?.variable.name ?? ""})));
  const stream = header.compressionCode === 2 ? inflateZlibData(c, start) : c.bytes.subarray(start);
  return decompressBytecode(c, stream, slots, header.bias);
}

export function readCases(c: Cursor, header: SavHeader, layout: SavLayout, text: (b: Uint8Array) => string): SavValue[][] {
  const {file} = c;
  const dataStart = c.pos;
  if (layout.totalSlots === 0) c.fail("at least one variable", "none", dataStart);
  const data = dataBytes(c, header, layout);
  const caseSize = layout.totalSlots * 8;
  const ncases = Math.floor(data.length / caseSize);
  if (data.length % caseSize !== 0) throw new InputError({file, line: ncases + 1, unit: "record", expected: `${layout.totalSlots} values (${caseSize} bytes) for case ${ncases + 1}`, found: `end of file after ${data.length % caseSize} bytes of it`});
  if (header.ncases >= 0 && ncases !== header.ncases)
    throw new InputError({file, line: Math.min(ncases, header.ncases) + 1, unit: "record", expected: `${header.ncases} cases, as the file header says (byte 80)`, found: `${ncases} cases in the data`});
  if (ncases * layout.variables.length > READ_LIMITS.maxCells) throw new InputError({file, line: Math.floor(READ_LIMITS.maxCells / layout.variables.length) + 1, unit: "record", expected: `at most ${READ_LIMITS.maxCells} values (cases x variables)`, found: `${ncases} cases of ${layout.variables.length} variables`});
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const cases: SavValue[][] = [];
  for (let k = 0; k < ncases; k++) {
    const base = k * caseSize;
    const row: SavValue[] = [];
    for (const {variable, segments} of layout.variables) {
      if (variable.type === "numeric") {
        const f = dv.getFloat64(base + segments[0].slot * 8, c.le);
        row.push(f === SYSMIS || Number.isNaN(f) ? null : f);
      } else {
        // each segment contributes up to 255 bytes (its width), packed tightly
        const parts: Uint8Array[] = [];
        let remaining = variable.width;
        for (const s of segments) {
          const take = Math.min(remaining, segments.length > 1 ? 255 : s.width);
          parts.push(data.subarray(base + s.slot * 8, base + s.slot * 8 + take));
          remaining -= take;
        }
        row.push(text(parts.length === 1 ? parts[0] : concat(parts)).replace(/[ \0]+$/, ""));
      }
    }
    cases.push(row);
  }
  return cases;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}
