/**
 * SPSS system file (.sav) reader: pure functions over bytes.
 * Follows the PSPP developer manual, appendix "System File Format": file header, variable
 * records (incl. long-string continuations), value labels (3/4), documents (6), extension
 * records (7: 3 machine integer info, 11 display, 13 long names, 14 very long strings,
 * 20 encoding, 21 long string value labels, 22 long string missing values; others skipped),
 * dictionary termination (999) and the data: uncompressed, bytecode or ZLIB compressed.
 * Any structural problem raises an InputError naming the file, the byte offset (unit "byte")
 * or case number (unit "record") and what was expected.
 */
import {inflateSync} from "node:zlib";
import {InputError} from "../../input-error.ts";
import type {RawTable} from "../raw-table.ts";
import {DATE_FORMATS, DATETIME_FORMATS, HIGHEST, LOWEST, SPSS_EPOCH_OFFSET, SYSMIS} from "./types.ts";
import type {SavFile, SavFormat, SavMeasure, SavMissing, SavValue, SavVariable} from "./types.ts";

const HEADER_SIZE = 176;

class Cursor {
  pos = 0;
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly file: string, public le = true) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fail(expected: string, found?: string, at = this.pos): never {
    throw new InputError({file: this.file, line: at, unit: "byte", expected, found});
  }
  need(n: number, what: string): void {
    if (this.pos + n > this.bytes.length) this.fail(`${what} (${n} bytes)`, `end of file after ${this.bytes.length} bytes`);
  }
  int32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  float64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.le);
    this.pos += 8;
    return v;
  }
  take(n: number, what: string): Uint8Array {
    if (n < 0) this.fail(`a non-negative length for ${what}`, String(n), this.pos - 4);
    this.need(n, what);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join("");

interface RawVarRecord {
  offset: number;
  type: number;
  label?: Uint8Array;
  nMissing: number;
  missing: Uint8Array[];
  print: number;
  write: number;
  name: Uint8Array;
}

function decodeFormat(f: number): SavFormat {
  return {type: (f >> 16) & 0xff, width: (f >> 8) & 0xff, decimals: f & 0xff};
}

function encodingFromCharCode(code: number | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (code === 65001) return "utf-8";
  if (code === 28591) return "iso-8859-1";
  if (code >= 874 && code <= 1258) return `windows-${code}`;
  return undefined;
}

/** Parse a whole .sav file. `file` is the name used in error messages. */
export function parseSav(bytes: Uint8Array, file: string): SavFile {
  const c = new Cursor(bytes, file);
  if (bytes.length === 0) c.fail("an SPSS system file starting with \"$FL2\" or \"$FL3\"", "an empty file", 0);
  const magic = latin1(bytes.subarray(0, 4));
  if (magic !== "$FL2" && magic !== "$FL3") c.fail("an SPSS system file starting with \"$FL2\" or \"$FL3\"", magic, 0);
  if (bytes.length < HEADER_SIZE) c.fail(`a complete ${HEADER_SIZE}-byte file header`, `end of file after ${bytes.length} bytes`, bytes.length);
  const product = latin1(bytes.subarray(4, 64)).replace(/\s+$/, "");
  const layoutLE = c.view.getInt32(64, true);
  const layoutBE = c.view.getInt32(64, false);
  if (layoutLE === 2 || layoutLE === 3) c.le = true;
  else if (layoutBE === 2 || layoutBE === 3) c.le = false;
  else c.fail("layout code 2 or 3 in the file header", String(layoutLE), 64);
  c.pos = 68;
  c.int32("nominal case size");
  const compressionCode = c.int32("compression code");
  if (![0, 1, 2].includes(compressionCode)) c.fail("compression code 0, 1 or 2 in the file header", String(compressionCode), 72);
  if ((compressionCode === 2) !== (magic === "$FL3")) c.fail(`compression code ${magic === "$FL3" ? 2 : "0 or 1"} for a "${magic}" file`, String(compressionCode), 72);
  const weightSlot = c.int32("weight index");
  const ncasesHeader = c.int32("number of cases");
  const bias = c.float64("compression bias");
  if (!(bias > 0 && bias < 252) || Number.isNaN(bias)) c.fail("compression bias 100 in the file header", String(bias), 84);
  const creationDate = latin1(c.take(9, "creation date"));
  const creationTime = latin1(c.take(8, "creation time"));
  const fileLabelBytes = c.take(64, "file label");
  c.take(3, "header padding");

  // --- dictionary ---
  const varRecords: RawVarRecord[] = [];
  const valueLabelSets: {offset: number; labels: {value: Uint8Array; label: Uint8Array}[]; vars: number[]}[] = [];
  const documents: Uint8Array[] = [];
  let charCode: number | undefined;
  let encodingName: string | undefined;
  let display: number[] | undefined;
  let longNames: Uint8Array | undefined;
  let veryLong: Uint8Array | undefined;
  const longStringLabels: Uint8Array[] = [];
  const longStringMissing: Uint8Array[] = [];

  for (;;) {
    const recOffset = c.pos;
    const recType = c.int32("a record type");
    if (recType === 2) {
      const type = c.int32("variable type");
      if (type < -1 || type > 255) c.fail("variable type -1 (continuation), 0 (numeric) or 1-255 (string width)", String(type), recOffset + 4);
      const hasLabel = c.int32("variable label flag");
      if (hasLabel !== 0 && hasLabel !== 1) c.fail("variable label flag 0 or 1", String(hasLabel), recOffset + 8);
      const nMissing = c.int32("number of missing values");
      if (![0, 1, 2, 3, -2, -3].includes(nMissing)) c.fail("number of missing values 0, 1, 2, 3, -2 or -3", String(nMissing), recOffset + 12);
      const print = c.int32("print format");
      const write = c.int32("write format");
      const name = c.take(8, "variable name");
      let label: Uint8Array | undefined;
      if (hasLabel) {
        const len = c.int32("variable label length");
        label = c.take(len, "variable label");
        c.take((4 - (len % 4)) % 4, "variable label padding");
      }
      const missing: Uint8Array[] = [];
      for (let i = 0; i < Math.abs(nMissing); i++) missing.push(c.take(8, "missing value"));
      varRecords.push({offset: recOffset, type, label, nMissing, missing, print, write, name});
    } else if (recType === 3) {
      const n = c.int32("value label count");
      if (n < 0 || n > bytes.length) c.fail("a plausible value label count", String(n), recOffset + 4);
      const labels: {value: Uint8Array; label: Uint8Array}[] = [];
      for (let i = 0; i < n; i++) {
        const value = c.take(8, "value label value");
        c.need(1, "value label length");
        const len = bytes[c.pos];
        c.pos += 1;
        const label = c.take(len, "value label");
        c.take((8 - ((len + 1) % 8)) % 8, "value label padding");
        labels.push({value, label});
      }
      const at = c.pos;
      const t4 = c.int32("record type 4 after a value label record");
      if (t4 !== 4) c.fail("record type 4 (value label variables) after a value label record", String(t4), at);
      const nv = c.int32("value label variable count");
      if (nv < 0 || nv > bytes.length) c.fail("a plausible variable count", String(nv), at + 4);
      const vars: number[] = [];
      for (let i = 0; i < nv; i++) vars.push(c.int32("value label variable index"));
      valueLabelSets.push({offset: recOffset, labels, vars});
    } else if (recType === 6) {
      const n = c.int32("document line count");
      documents.push(c.take(n * 80, "document lines"));
    } else if (recType === 7) {
      const subtype = c.int32("extension record subtype");
      const size = c.int32("extension record element size");
      const count = c.int32("extension record element count");
      if (size < 0 || count < 0 || size * count > bytes.length) c.fail("a plausible extension record size", `${size} x ${count}`, recOffset + 8);
      const dataOffset = c.pos;
      const data = c.take(size * count, `extension record ${subtype}`);
      const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (subtype === 3 && size === 4 && count >= 8) charCode = dv.getInt32(28, c.le);
      else if (subtype === 11 && size === 4) display = Array.from({length: count}, (_, i) => dv.getInt32(i * 4, c.le));
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLong = data;
      else if (subtype === 20) encodingName = latin1(data).trim();
      else if (subtype === 21) longStringLabels.push(data);
      else if (subtype === 22) longStringMissing.push(data);
      void dataOffset;
    } else if (recType === 999) {
      c.int32("dictionary termination filler");
      break;
    } else {
      c.fail("a record type 2, 3, 6, 7 or 999", String(recType), recOffset);
    }
  }

  let encoding = (encodingName || encodingFromCharCode(charCode) || "windows-1252").toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new InputError({file, unit: "byte", expected: "a character encoding this reader knows (UTF-8, windows-1252, ...)", found: encoding});
  }
  if (encoding === "utf8") encoding = "utf-8";
  const text = (b: Uint8Array) => decoder.decode(b);
  const rtrim = (s: string) => s.replace(/[ \0]+$/, "");

  // --- slots (8-byte elements) and segments ---
  interface Segment { slot: number; nslots: number; width: number; rec: RawVarRecord; }
  const segments: Segment[] = [];
  let slot = 0;
  for (let i = 0; i < varRecords.length; ) {
    const r = varRecords[i];
    if (r.type === -1) c.fail("a variable record (numeric or string), not a string continuation", "continuation record", r.offset);
    const nslots = r.type === 0 ? 1 : Math.ceil(r.type / 8);
    for (let j = 1; j < nslots; j++) {
      const cont = varRecords[i + j];
      if (!cont || cont.type !== -1) c.fail(`a continuation record (type -1) for the ${r.type}-byte string ${JSON.stringify(rtrim(latin1(r.name)))}`, cont ? `type ${cont.type}` : "end of dictionary", cont?.offset ?? c.pos);
    }
    segments.push({slot, nslots, width: r.type, rec: r});
    slot += nslots;
    i += nslots;
  }
  const totalSlots = slot;
  const slotIndexToSegment = new Map<number, number>();
  segments.forEach((s, i) => slotIndexToSegment.set(s.slot + 1, i));

  // very long strings: SHORT=00300\0\t
  const vlsWidth = new Map<string, number>();
  if (veryLong) {
    for (const part of latin1(veryLong).split(/\0\t?|\t/)) {
      const m = /^([^=]+)=(\d+)$/.exec(part.replace(/\0/g, ""));
      if (m) vlsWidth.set(m[1].trim().toUpperCase(), Number(m[2]));
    }
  }
  // long names: SHORT=Long\tSHORT2=Long2
  const longName = new Map<string, string>();
  if (longNames) {
    for (const part of text(longNames).split("\t")) {
      const eq = part.indexOf("=");
      if (eq > 0) longName.set(part.slice(0, eq).trim().toUpperCase(), part.slice(eq + 1).replace(/\0/g, "").trim());
    }
  }

  // --- variables (very long strings merged from their segments) ---
  interface VarInfo { v: SavVariable; segs: Segment[]; firstSegment: number; }
  const vars: VarInfo[] = [];
  for (let i = 0; i < segments.length; ) {
    const s = segments[i];
    const shortName = rtrim(text(s.rec.name));
    const vlw = vlsWidth.get(shortName.toUpperCase());
    const nseg = vlw !== undefined && vlw > 255 ? Math.ceil(vlw / 252) : 1;
    if (i + nseg > segments.length) c.fail(`${nseg} segments for the very long string ${shortName}`, `${segments.length - i}`, s.rec.offset);
    const segs = segments.slice(i, i + nseg);
    const isString = s.rec.type > 0;
    const v: SavVariable = {
      name: longName.get(shortName.toUpperCase()) ?? shortName,
      shortName,
      type: isString ? "string" : "numeric",
      width: isString ? vlw ?? s.rec.type : 0,
      print: decodeFormat(s.rec.print),
      write: decodeFormat(s.rec.write),
      valueLabels: []
    };
    if (s.rec.label) v.label = text(s.rec.label);
    if (s.rec.nMissing !== 0) {
      const dvOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 8);
      const num = (b: Uint8Array) => dvOf(b).getFloat64(0, c.le);
      const m: SavMissing = {discrete: []};
      if (isString) {
        for (const b of s.rec.missing) m.discrete.push(rtrim(text(b)));
      } else {
        let rest = s.rec.missing;
        if (s.rec.nMissing < 0) {
          const low = num(s.rec.missing[0]);
          const high = num(s.rec.missing[1]);
          m.range = {low: low <= LOWEST ? -Infinity : low, high: high >= HIGHEST ? Infinity : high};
          rest = s.rec.missing.slice(2);
        }
        for (const b of rest) m.discrete.push(num(b));
      }
      v.missing = m;
    }
    vars.push({v, segs, firstSegment: i});
    i += nseg;
  }
  const byShortName = new Map(vars.map((x) => [x.v.shortName.toUpperCase(), x.v]));
  const byLongName = new Map(vars.map((x) => [x.v.name.toUpperCase(), x.v]));

  // display parameters: one entry per segment, 2 or 3 ints each
  if (display) {
    const per = display.length === segments.length * 3 ? 3 : display.length === segments.length * 2 ? 2 : 0;
    if (per) {
      const measures: Record<number, SavMeasure> = {1: "nominal", 2: "ordinal", 3: "scale"};
      for (const x of vars) {
        const m = measures[display[x.firstSegment * per]];
        if (m) x.v.measure = m;
      }
    }
  }

  // value labels
  for (const set of valueLabelSets) {
    const targets: SavVariable[] = [];
    for (const idx of set.vars) {
      const segIndex = slotIndexToSegment.get(idx);
      if (segIndex === undefined) c.fail(`a variable index between 1 and ${totalSlots} that starts a variable`, String(idx), set.offset);
      const owner = vars.find((x) => x.firstSegment === segIndex);
      if (owner) targets.push(owner.v);
    }
    for (const t of targets) {
      for (const {value, label} of set.labels) {
        const val = t.type === "numeric" ? new DataView(value.buffer, value.byteOffset, 8).getFloat64(0, c.le) : rtrim(text(value));
        t.valueLabels.push({value: val, label: text(label)});
      }
    }
  }
  // long string value labels (7/21)
  for (const data of longStringLabels) {
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let p = 0;
    const i32 = () => { const v = dv.getInt32(p, c.le); p += 4; return v; };
    const str = (n: number) => { const s = data.subarray(p, p + n); p += n; return s; };
    while (p + 4 <= data.length) {
      const name = text(str(i32()));
      i32(); // width
      const n = i32();
      const target = byLongName.get(name.toUpperCase()) ?? byShortName.get(name.toUpperCase());
      for (let k = 0; k < n; k++) {
        const value = rtrim(text(str(i32())));
        const label = text(str(i32()));
        target?.valueLabels.push({value, label});
      }
    }
  }
  // long string missing values (7/22)
  for (const data of longStringMissing) {
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let p = 0;
    while (p + 4 <= data.length) {
      const nl = dv.getInt32(p, c.le); p += 4;
      const name = text(data.subarray(p, p + nl)); p += nl;
      const n = data[p]; p += 1;
      const values: string[] = [];
      for (let k = 0; k < n; k++) {
        const vl = dv.getInt32(p, c.le); p += 4;
        values.push(rtrim(text(data.subarray(p, p + vl)))); p += vl;
      }
      const target = byLongName.get(name.toUpperCase()) ?? byShortName.get(name.toUpperCase());
      if (target) target.missing = {discrete: values};
    }
  }

  // --- data ---
  const dataStart = c.pos;
  let data: Uint8Array;
  const slotIsString: boolean[] = [];
  for (const s of segments) for (let j = 0; j < s.nslots; j++) slotIsString.push(s.rec.type > 0);
  if (compressionCode === 0) {
    data = bytes.subarray(dataStart);
  } else {
    let stream = bytes.subarray(dataStart);
    if (compressionCode === 2) stream = inflateZlibData(c, dataStart);
    data = decompressBytecode(stream, slotIsString, bias, c.le);
  }
  const caseSize = totalSlots * 8;
  if (caseSize === 0) c.fail("at least one variable", "none", dataStart);
  const ncases = Math.floor(data.length / caseSize);
  if (data.length % caseSize !== 0) {
    throw new InputError({file, line: ncases + 1, unit: "record", expected: `${totalSlots} values (${caseSize} bytes) for case ${ncases + 1}`, found: `end of file after ${data.length % caseSize} bytes of it`});
  }
  if (ncasesHeader >= 0 && ncases < ncasesHeader) {
    throw new InputError({file, line: ncases + 1, unit: "record", expected: `${ncasesHeader} cases, as the file header says`, found: `end of file after ${ncases} cases`});
  }
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const cases: SavValue[][] = [];
  for (let k = 0; k < ncases; k++) {
    const base = k * caseSize;
    const row: SavValue[] = [];
    for (const x of vars) {
      if (x.v.type === "numeric") {
        const f = dv.getFloat64(base + x.segs[0].slot * 8, c.le);
        row.push(f === SYSMIS || Number.isNaN(f) ? null : f);
      } else {
        // each segment contributes up to 255 bytes (its width), packed tightly
        const parts: Uint8Array[] = [];
        let remaining = x.v.width;
        for (const s of x.segs) {
          const take = Math.min(remaining, x.segs.length > 1 ? 255 : s.width);
          parts.push(data.subarray(base + s.slot * 8, base + s.slot * 8 + take));
          remaining -= take;
        }
        const joined = parts.length === 1 ? parts[0] : concat(parts);
        row.push(rtrim(text(joined)));
      }
    }
    cases.push(row);
  }

  let weightIndex: number | undefined;
  if (weightSlot > 0) {
    const segIndex = slotIndexToSegment.get(weightSlot);
    const wi = vars.findIndex((x) => x.firstSegment === segIndex);
    if (wi >= 0) weightIndex = wi;
  }

  return {
    product,
    compression: compressionCode === 0 ? "none" : compressionCode === 1 ? "bytecode" : "zlib",
    fileLabel: rtrim(text(fileLabelBytes)),
    creationDate,
    creationTime,
    encoding,
    variables: vars.map((x) => x.v),
    weightIndex,
    documents: documents.flatMap((d) => Array.from({length: d.length / 80}, (_, i) => rtrim(text(d.subarray(i * 80, i * 80 + 80))))),
    cases
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function inflateZlibData(c: Cursor, start: number): Uint8Array {
  c.pos = start;
  const zheaderOfs = Number(c.view.getBigInt64((c.need(24, "ZLIB data header"), c.pos), c.le));
  const ztrailerOfs = Number(c.view.getBigInt64(c.pos + 8, c.le));
  const ztrailerLen = Number(c.view.getBigInt64(c.pos + 16, c.le));
  if (zheaderOfs !== start) c.fail(`ZLIB header offset ${start}`, String(zheaderOfs), start);
  if (ztrailerOfs + ztrailerLen > c.bytes.length || ztrailerLen < 24) c.fail(`a ZLIB trailer within the file (${c.bytes.length} bytes)`, `${ztrailerOfs}+${ztrailerLen}`, start + 8);
  const nBlocks = (ztrailerLen - 24) / 24;
  const parts: Uint8Array[] = [];
  for (let i = 0; i < nBlocks; i++) {
    const e = ztrailerOfs + 24 + i * 24;
    const compressedOfs = Number(c.view.getBigInt64(e + 8, c.le));
    const compressedSize = c.view.getInt32(e + 20, c.le);
    try {
      parts.push(inflateSync(c.bytes.subarray(compressedOfs, compressedOfs + compressedSize)));
    } catch (err) {
      c.fail("a valid ZLIB compressed block", (err as Error).message, compressedOfs);
    }
  }
  return concat(parts);
}

/** Expand bytecode-compressed data into plain 8-byte elements. A partial last case is left for the caller to report. */
function decompressBytecode(stream: Uint8Array, slotIsString: boolean[], bias: number, le: boolean): Uint8Array {
  let out = new Uint8Array(Math.max(1024, stream.length * 4));
  let o = 0;
  const ensure = () => {
    if (o + 8 > out.length) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
  };
  const ov = () => new DataView(out.buffer);
  const nslots = slotIsString.length;
  let slot = 0;
  let p = 0;
  outer: while (p + 8 <= stream.length) {
    const codes = stream.subarray(p, p + 8);
    p += 8;
    for (const code of codes) {
      if (code === 0) continue;
      if (code === 252) break outer;
      ensure();
      if (code === 253) {
        if (p + 8 > stream.length) break outer;
        out.set(stream.subarray(p, p + 8), o);
        p += 8;
      } else if (code === 254) {
        out.fill(0x20, o, o + 8);
      } else if (code === 255) {
        ov().setFloat64(o, SYSMIS, le);
      } else if (slotIsString[slot]) {
        out.fill(code - bias === 0 ? 0 : 0x20, o, o + 8);
      } else {
        ov().setFloat64(o, code - bias, le);
      }
      o += 8;
      slot = (slot + 1) % nslots;
    }
  }
  return out.subarray(0, o);
}

/** Show a number the way a CSV export would: integers without decimals, dates as ISO text. */
export function formatSavNumber(value: number, format?: SavFormat): string {
  if (format && DATE_FORMATS.has(format.type)) {
    const ms = (value - SPSS_EPOCH_OFFSET) * 1000;
    const iso = new Date(ms).toISOString();
    return DATETIME_FORMATS.has(format.type) ? iso.slice(0, 19) : iso.slice(0, 10);
  }
  if (value === Infinity) return "HIGHEST";
  if (value === -Infinity) return "LOWEST";
  return String(value);
}

/**
 * Turn a parsed .sav into the RawTable every reader produces (unit "record": row k is case k).
 * Value labels and user-missing codes come along; a missing-value range is listed as the
 * values in the data that fall inside it (RawTable knows only lists of codes).
 */
export function savToRawTable(sav: SavFile, file: string): RawTable {
  const columns = sav.variables.map((v) => v.name);
  const cell = (v: SavVariable, x: SavValue) => (x === null ? "" : typeof x === "number" ? formatSavNumber(x, v.print) : x.trim());
  const rows = sav.cases.map((cs, k) => ({line: k + 1, cells: cs.map((x, i) => cell(sav.variables[i], x))}));
  const valueLabels: Record<string, Record<string, string>> = {};
  const missingCodes: Record<string, string[]> = {};
  sav.variables.forEach((v, i) => {
    if (v.valueLabels.length) valueLabels[v.name] = Object.fromEntries(v.valueLabels.map((l) => [typeof l.value === "number" ? formatSavNumber(l.value) : l.value.trim(), l.label]));
    if (v.missing) {
      const codes = new Set(v.missing.discrete.map((d) => (typeof d === "number" ? formatSavNumber(d) : d.trim())));
      const r = v.missing.range;
      if (r) for (const cs of sav.cases) { const x = cs[i]; if (typeof x === "number" && x >= r.low && x <= r.high) codes.add(formatSavNumber(x)); }
      missingCodes[v.name] = [...codes];
    }
  });
  return {file, columns, rows, unit: "record", valueLabels, missingCodes};
}

/** Read a .sav export into a RawTable. */
export function readSav(bytes: Uint8Array, file: string): RawTable {
  return savToRawTable(parseSav(bytes, file), file);
}
