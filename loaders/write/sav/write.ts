/**
 * SPSS system file (.sav) writer: a pure function from columns to bytes (little-endian, UTF-8).
 * Writes: file header, variable records (with continuation records for strings > 8 bytes and
 * segments for very long strings > 255 bytes), variable labels, missing values (discrete and
 * range), value labels (record 3/4; record 7/21 for strings wider than 8 bytes), machine
 * integer and float info (7/3, 7/4), display parameters (7/11), long variable names (7/13),
 * very long strings (7/14), character encoding (7/20: UTF-8), long string missing values (7/22),
 * and the data, uncompressed or bytecode compressed. Checked against PSPP in test/read/sav/pspp.test.ts.
 */
import {HIGHEST, LOWEST, SYSMIS} from "../../read/sav/types.ts";
import type {SavMeasure, SavMissing, SavValueLabel} from "../../read/sav/types.ts";

export interface SavColumn {
  /** Variable name: letter first, then letters, digits, _ . @ # $; at most 64 bytes. */
  name: string;
  label?: string;
  type: "numeric" | "string";
  values: readonly (number | string | null | undefined)[];
  /** String width in bytes; default: the longest value (at least 1). */
  width?: number;
  /** Decimal places in the F format of a numeric column; default 0 when all values are integers, else 2. */
  decimals?: number;
  valueLabels?: readonly SavValueLabel[] | Readonly<Record<string, string>>;
  missing?: SavMissing;
  measure?: SavMeasure;
}

export interface SavWriteOptions {
  columns: readonly SavColumn[];
  fileLabel?: string;
  compression?: "bytecode" | "none";
  /** Creation time written in the header; default: "01 Jan 70 00:00:00" (the manual's "not available"), so output is reproducible. */
  created?: Date;
  /** Document lines (record type 6), e.g. a note that the data are reconstructed. */
  documents?: string[];
  product?: string;
}

const enc = new TextEncoder();
const RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

class Out {
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

export function checkVariableName(name: string): string | undefined {
  if (!/^[\p{L}@][\p{L}\p{N}_.@#$]*$/u.test(name)) return "a letter or @ first, then letters, digits, _ . @ # $";
  if (name.endsWith(".") || name.endsWith("_")) return "a name that does not end in . or _";
  if (enc.encode(name).length > 64) return "at most 64 bytes";
  if (RESERVED.has(name.toUpperCase())) return "not a reserved word (ALL, AND, BY, ...)";
  return undefined;
}

/** Make unique 8-byte upper-case short names, as SPSS does (VAR00001-style fallback). */
function shortNames(names: string[], extra: number[]): string[][] {
  const used = new Set<string>();
  const take = (base: string) => {
    let s = base;
    for (let i = 1; used.has(s); i++) {
      const suffix = `_${i}`;
      s = base.slice(0, 8 - suffix.length) + suffix;
    }
    used.add(s);
    return s;
  };
  return names.map((n, i) => {
    let base = n.toUpperCase().replace(/[^A-Z0-9_@#$.]/g, "");
    if (!/^[A-Z@]/.test(base)) base = `V${base}`;
    base = base.slice(0, 8);
    const first = take(base);
    const segs = [first];
    for (let k = 1; k <= extra[i]; k++) segs.push(take(`${first.slice(0, 5)}${String.fromCharCode(64 + ((k - 1) % 26) + 1)}`.slice(0, 8)));
    return segs;
  });
}

const segmentCount = (width: number) => (width > 255 ? Math.ceil(width / 252) : 1);
const segmentWidth = (width: number, i: number, n: number) => (n === 1 ? width : i < n - 1 ? 255 : width - (n - 1) * 252);
const slotsOf = (width: number) => Math.ceil(width / 8);

function labelsOf(c: SavColumn): SavValueLabel[] {
  if (!c.valueLabels) return [];
  if (Array.isArray(c.valueLabels)) return c.valueLabels as SavValueLabel[];
  return Object.entries(c.valueLabels).map(([value, label]) => ({value: c.type === "numeric" ? Number(value) : value, label: label as string}));
}

/** Write columns as an SPSS system file. Throws an Error on a column the format cannot hold. */
export function writeSav(options: SavWriteOptions): Uint8Array {
  const {columns, compression = "bytecode"} = options;
  if (columns.length === 0) throw new Error("writeSav: at least one column is needed");
  const ncases = columns[0].values.length;
  const seen = new Set<string>();
  for (const c of columns) {
    const problem = checkVariableName(c.name);
    if (problem) throw new Error(`writeSav: variable name ${JSON.stringify(c.name)}: expected ${problem}`);
    if (seen.has(c.name.toUpperCase())) throw new Error(`writeSav: duplicate variable name ${JSON.stringify(c.name)}`);
    seen.add(c.name.toUpperCase());
    if (c.values.length !== ncases) throw new Error(`writeSav: column ${c.name} has ${c.values.length} values, expected ${ncases}`);
    if (c.missing && c.missing.discrete.length > (c.missing.range ? 1 : 3)) throw new Error(`writeSav: column ${c.name}: at most 3 discrete missing values, or a range and 1`);
    if (c.missing?.range && c.type === "string") throw new Error(`writeSav: column ${c.name}: a string variable cannot have a missing-value range`);
  }

  // Per column: width, formats, encoded strings.
  const cols = columns.map((c) => {
    if (c.type === "numeric") {
      const nums = c.values.map((v) => (v === null || v === undefined || v === "" ? null : Number(v)));
      nums.forEach((v) => { if (v !== null && !Number.isFinite(v)) throw new Error(`writeSav: column ${c.name}: ${v} is not a finite number`); });
      const decimals = c.decimals ?? (nums.every((v) => v === null || Number.isInteger(v)) ? 0 : 2);
      const maxAbs = Math.max(1, ...nums.map((v) => (v === null ? 0 : Math.abs(v))));
      const fw = Math.min(40, Math.max(8, Math.ceil(Math.log10(maxAbs + 1)) + 1 + (decimals ? decimals + 1 : 0)));
      return {c, width: 0, nums, strs: [] as Uint8Array[], format: (5 << 16) | (fw << 8) | decimals, segs: 1};
    }
    const strs = c.values.map((v) => enc.encode(v === null || v === undefined ? "" : String(v)));
    const width = Math.min(32767, c.width ?? Math.max(1, ...strs.map((s) => s.length)));
    strs.forEach((s) => { if (s.length > width) throw new Error(`writeSav: column ${c.name}: a value of ${s.length} bytes does not fit width ${width}`); });
    return {c, width, nums: [] as (number | null)[], strs, format: (1 << 16) | (Math.min(width, 255) << 8), segs: segmentCount(width)};
  });
  const names = shortNames(cols.map((x) => x.c.name), cols.map((x) => x.segs - 1));
  const totalSlots = cols.reduce((n, x) => n + (x.width === 0 ? 1 : Array.from({length: x.segs}, (_, i) => slotsOf(segmentWidth(x.width, i, x.segs))).reduce((a, b) => a + b, 0)), 0);

  const out = new Out();
  // --- header ---
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

  // --- variable records ---
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

  // --- value labels for numeric and short string variables (records 3 and 4) ---
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

  // --- documents ---
  if (options.documents?.length) {
    out.int32(6);
    out.int32(options.documents.length);
    for (const line of options.documents) out.fixed(utf8Truncate(line, 80), 80);
  }

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

  // --- data ---
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
  return out.result();
}
