/**
 * The file header and the dictionary records, in file order: header, variable records (2, with continuations and
 * very long string segments), value labels (3/4), documents (6), extension records (7/3, 4, 11, 13, 14, 20, 21,
 * 22) and the end of the dictionary (999).
 */
import {HIGHEST, LOWEST, SYSMIS} from "../../read/sav/types.ts";
import {labelsOf, segmentWidth, slotsOf, type PreparedColumns, type SavWriteOptions} from "./columns.ts";
import {Out, utf8Truncate} from "./out.ts";

const enc = new TextEncoder();
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function writeHeader(out: Out, {ncases, totalSlots}: PreparedColumns, options: SavWriteOptions): void {
  const compression = options.compression ?? "bytecode";
  out.fixed(enc.encode("$FL2"), 4);
  out.fixed(enc.encode(`@(#) SPSS DATA FILE ${options.product ?? "Kennisverkenner sav writer"}`), 60);
  out.int32(2);
  out.int32(totalSlots);
  out.int32(compression === "bytecode" ? 1 : 0);
  out.int32(0);
  out.int32(ncases);
  out.float64(100);
  const d = options.created;
  const pad2 = (n: number) => String(n).padStart(2, "0");
  out.fixed(enc.encode(d ? `${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCFullYear() % 100)}` : "01 Jan 70"), 9);
  out.fixed(enc.encode(d ? `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` : "00:00:00"), 8);
  out.fixed(utf8Truncate(options.fileLabel ?? "", 64), 64);
  out.fixed(new Uint8Array(0), 3, 0);
}

/** Variable records; returns each column's first slot (1-based), which value label records refer to. */
export function writeVariableRecords(out: Out, {cols, names}: PreparedColumns): number[] {
  const firstSlot: number[] = [];
  let slot = 1;
  cols.forEach((x, i) => {
    firstSlot.push(slot);
    const {c} = x;
    for (let s = 0; s < x.segs; s++) {
      const segW = x.width === 0 ? 0 : segmentWidth(x.width, s, x.segs);
      const fmt = x.width === 0 ? x.format : (1 << 16) | (segW << 8);
      out.int32(2);
      out.int32(segW);
      const label = s === 0 && c.label ? utf8Truncate(c.label, 255) : undefined;
      out.int32(label ? 1 : 0);
      const m = s === 0 && c.missing && !(c.type === "string" && x.width > 8) ? c.missing : undefined;
      const nMissing = m ? (m.range ? -(2 + m.discrete.length) : m.discrete.length) : 0;
      out.int32(nMissing);
      out.int32(fmt);
      out.int32(fmt);
      out.fixed(enc.encode(names[i][s]), 8);
      if (label) {
        out.int32(label.length);
        out.fixed(label, Math.ceil(label.length / 4) * 4);
      }
      if (m) {
        if (m.range) {
          out.float64(m.range.low === -Infinity ? LOWEST : m.range.low);
          out.float64(m.range.high === Infinity ? HIGHEST : m.range.high);
        }
        for (const v of m.discrete) {
          if (c.type === "numeric") out.float64(Number(v));
          else out.fixed(enc.encode(String(v)), 8);
        }
      }
      const n = x.width === 0 ? 1 : slotsOf(segW);
      for (let k = 1; k < n; k++) {
        out.int32(2); out.int32(-1); out.int32(0); out.int32(0); out.int32(0); out.int32(0); out.fixed(new Uint8Array(0), 8);
      }
      slot += n;
    }
  });
  return firstSlot;
}

export function writeValueLabels(out: Out, {cols}: PreparedColumns, firstSlot: number[]): void {
  cols.forEach((x, i) => {
    const labels = labelsOf(x.c);
    if (!labels.length || x.width > 8) return;
    out.int32(3);
    out.int32(labels.length);
    for (const {value, label} of labels) {
      if (x.width === 0) out.float64(Number(value));
      else out.fixed(enc.encode(String(value)), 8);
      const lb = utf8Truncate(label, 255);
      out.byte(lb.length);
      out.fixed(lb, lb.length + ((8 - ((lb.length + 1) % 8)) % 8), 0x20);
    }
    out.int32(4);
    out.int32(1);
    out.int32(firstSlot[i]);
  });
}

export function writeDocuments(out: Out, options: SavWriteOptions): void {
  if (options.documents?.length) {
    out.int32(6);
    out.int32(options.documents.length);
    for (const line of options.documents) out.fixed(utf8Truncate(line, 80), 80);
  }
}

export function writeExtensions(out: Out, {cols, names}: PreparedColumns): void {
  const ext = (subtype: number, size: number, count: number, write: () => void) => {
    out.int32(7); out.int32(subtype); out.int32(size); out.int32(count); write();
  };
  // machine integer info: version 1.0.0, machine -1, IEEE, compression 1, little-endian, UTF-8
  ext(3, 4, 8, () => [1, 0, 0, -1, 1, 1, 2, 65001].forEach((v) => out.int32(v)));
  ext(4, 8, 3, () => [SYSMIS, HIGHEST, LOWEST].forEach((v) => out.float64(v)));
  // display parameters: one (measure, width, alignment) per segment
  const nSegs = cols.reduce((n, x) => n + x.segs, 0);
  const measureCode = {nominal: 1, ordinal: 2, scale: 3} as const;
  ext(11, 4, nSegs * 3, () => {
    for (const x of cols) {
      for (let s = 0; s < x.segs; s++) {
        const measure = x.c.measure ?? (x.width === 0 ? (labelsOf(x.c).length ? "ordinal" : "scale") : "nominal");
        out.int32(measureCode[measure]);
        out.int32(x.width === 0 ? 8 : Math.min(32, x.width));
        out.int32(x.width === 0 ? 1 : 0);
      }
    }
  });
  // long variable names
  const longNames = enc.encode(cols.map((x, i) => `${names[i][0]}=${x.c.name}`).join("\t"));
  ext(13, 1, longNames.length, () => out.bytes(longNames));
  // very long strings
  const vls = cols.map((x, i) => (x.segs > 1 ? `${names[i][0]}=${String(x.width).padStart(5, "0")}\0\t` : "")).join("");
  if (vls) {
    const b = enc.encode(vls);
    ext(14, 1, b.length, () => out.bytes(b));
  }
  // encoding
  ext(20, 1, 5, () => out.bytes(enc.encode("UTF-8")));
  // long string value labels (strings wider than 8 bytes)
  const lsl = new Out();
  cols.forEach((x) => {
    const labels = labelsOf(x.c);
    if (!labels.length || x.width <= 8) return;
    const nb = enc.encode(x.c.name);
    lsl.int32(nb.length); lsl.bytes(nb); lsl.int32(x.width); lsl.int32(labels.length);
    for (const {value, label} of labels) {
      lsl.int32(x.width); lsl.fixed(enc.encode(String(value)), x.width);
      const lb = utf8Truncate(label, 120);
      lsl.int32(lb.length); lsl.bytes(lb);
    }
  });
  if (lsl.length) ext(21, 1, lsl.length, () => out.bytes(lsl.result()));
  // long string missing values
  const lsm = new Out();
  cols.forEach((x) => {
    if (!x.c.missing || x.width <= 8) return;
    const nb = enc.encode(x.c.name);
    lsm.int32(nb.length); lsm.bytes(nb); lsm.byte(x.c.missing.discrete.length);
    for (const v of x.c.missing.discrete) { lsm.int32(8); lsm.fixed(enc.encode(String(v)), 8); }
  });
  if (lsm.length) ext(22, 1, lsm.length, () => out.bytes(lsm.result()));
  // dictionary termination
  out.int32(999);
  out.int32(0);
}
