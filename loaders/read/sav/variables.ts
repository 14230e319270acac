/**
 * From raw variable records to variables: string continuations grouped into segments (8-byte slots), very long
 * strings (7/14) merged from their segments, long names (7/13), formats, user-missing values, measurement levels
 * (7/11), value labels (3/4 and 7/21) and long string missing values (7/22). A variable's type is checked against
 * its print format, so a changed type byte is an error rather than a column read as something else.
 */
import {Cursor, latin1, rtrim} from "./cursor.ts";
import type {RawDictionary, RawVariableRecord} from "./dictionary.ts";
import type {Extensions} from "./extensions.ts";
import {HIGHEST, LOWEST, type SavFormat, type SavMeasure, type SavMissing, type SavVariable} from "./types.ts";

/** A run of 8-byte slots belonging to one variable record (a very long string has several). */
export interface Segment {
  /** 0-based first slot. */
  slot: number;
  nslots: number;
  width: number;
  record: RawVariableRecord;
}

export interface VariableLayout {
  variable: SavVariable;
  segments: Segment[];
  firstSegment: number;
}

export interface SavLayout {
  segments: Segment[];
  variables: VariableLayout[];
  totalSlots: number;
}

const STRING_FORMATS = new Set([1, 2]); // A, AHEX

export function decodeFormat(f: number): SavFormat {
  return {type: (f >> 16) & 0xff, width: (f >> 8) & 0xff, decimals: f & 0xff};
}

function segmentsOf(records: RawVariableRecord[], c: Cursor): Segment[] {
  const segments: Segment[] = [];
  let slot = 0;
  for (let i = 0; i < records.length; ) {
    const r = records[i];
    if (r.type === -1) c.fail("a variable record (numeric or string), not a string continuation", "continuation record", r.offset);
    const formatType = decodeFormat(r.print).type;
    if (r.type > 0 && formatType !== 0 && !STRING_FORMATS.has(formatType)) c.fail(`a numeric variable (type 0) for the numeric print format of ${JSON.stringify(rtrim(latin1(r.name)))}, or a string format (A) for a string of width ${r.type}`, `type ${r.type} with format type ${formatType}`, r.offset + 4);
    if (r.type === 0 && STRING_FORMATS.has(formatType)) c.fail(`a string width for ${JSON.stringify(rtrim(latin1(r.name)))}, whose print format is a string format (A)`, "type 0 (numeric)", r.offset + 4);
    const nslots = r.type === 0 ? 1 : Math.ceil(r.type / 8);
    for (let j = 1; j < nslots; j++) {
      const cont = records[i + j];
      if (!cont || cont.type !== -1) c.fail(`a continuation record (type -1) for the ${r.type}-byte string ${JSON.stringify(rtrim(latin1(r.name)))}`, cont ? `type ${cont.type}` : "end of dictionary", cont?.offset ?? c.pos);
    }
    segments.push({slot, nslots, width: r.type, record: r});
    slot += nslots;
    i += nslots;
  }
  return segments;
}

/** 7/14: SHORT=00300\0\t entries. */
function veryLongWidths(bytes: Uint8Array | undefined): Map<string, number> {
  const widths = new Map<string, number>();
  if (bytes)
    for (const part of latin1(bytes).split(/\0\t?|\t/)) {
      const m = /^([^=]+)=(\d+)$/.exec(part.replace(/\0/g, ""));
      if (m) widths.set(m[1].trim().toUpperCase(), Number(m[2]));
    }
  return widths;
}

/** 7/13: SHORT=Long\tSHORT2=Long2 entries. */
function longNamesOf(bytes: Uint8Array | undefined, text: (b: Uint8Array) => string): Map<string, string> {
  const names = new Map<string, string>();
  if (bytes)
    for (const part of text(bytes).split("\t")) {
      const eq = part.indexOf("=");
      if (eq > 0) names.set(part.slice(0, eq).trim().toUpperCase(), part.slice(eq + 1).replace(/\0/g, "").trim());
    }
  return names;
}

function missingOf(r: RawVariableRecord, isString: boolean, le: boolean, text: (b: Uint8Array) => string): SavMissing | undefined {
  if (r.nMissing === 0) return undefined;
  const num = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, le);
  const m: SavMissing = {discrete: []};
  if (isString) {
    for (const b of r.missing) m.discrete.push(rtrim(text(b)));
    return m;
  }
  let rest = r.missing;
  if (r.nMissing < 0) {
    const low = num(r.missing[0]);
    const high = num(r.missing[1]);
    m.range = {low: low <= LOWEST ? -Infinity : low, high: high >= HIGHEST ? Infinity : high};
    rest = r.missing.slice(2);
  }
  for (const b of rest) m.discrete.push(num(b));
  return m;
}

export function variablesOf(dictionary: RawDictionary, x: Extensions, c: Cursor, text: (b: Uint8Array) => string): SavLayout {
  const segments = segmentsOf(dictionary.variables, c);
  const vlsWidth = veryLongWidths(x.veryLongStrings);
  const longName = longNamesOf(x.longNames, text);
  const variables: VariableLayout[] = [];
  for (let i = 0; i < segments.length; ) {
    const s = segments[i];
    const shortName = rtrim(text(s.record.name));
    const vlw = vlsWidth.get(shortName.toUpperCase());
    const nseg = vlw !== undefined && vlw > 255 ? Math.ceil(vlw / 252) : 1;
    if (i + nseg > segments.length) c.fail(`${nseg} segments for the very long string ${shortName}`, `${segments.length - i}`, s.record.offset);
    const isString = s.record.type > 0;
    const variable: SavVariable = {
      name: longName.get(shortName.toUpperCase()) ?? shortName,
      shortName,
      type: isString ? "string" : "numeric",
      width: isString ? vlw ?? s.record.type : 0,
      print: decodeFormat(s.record.print),
      write: decodeFormat(s.record.write),
      valueLabels: []
    };
    if (s.record.label) variable.label = text(s.record.label);
    const missing = missingOf(s.record, isString, c.le, text);
    if (missing) variable.missing = missing;
    variables.push({variable, segments: segments.slice(i, i + nseg), firstSegment: i});
    i += nseg;
  }
  const last = segments.at(-1);
  const layout = {segments, variables, totalSlots: last ? last.slot + last.nslots : 0};
  applyDisplay(layout, x.display);
  applyValueLabels(layout, dictionary, x, c, text);
  return layout;
}

/** 7/11: one (measure, width[, alignment]) entry per segment. */
function applyDisplay({segments, variables}: SavLayout, display: number[] | undefined): void {
  if (!display) return;
  const per = display.length === segments.length * 3 ? 3 : display.length === segments.length * 2 ? 2 : 0;
  if (!per) return;
  const measures: Record<number, SavMeasure> = {1: "nominal", 2: "ordinal", 3: "scale"};
  for (const v of variables) {
    const m = measures[display[v.firstSegment * per]];
    if (m) v.variable.measure = m;
  }
}

function applyValueLabels(layout: SavLayout, dictionary: RawDictionary, x: Extensions, c: Cursor, text: (b: Uint8Array) => string): void {
  const bySlot = new Map<number, SavVariable>();
  for (const v of layout.variables) bySlot.set(layout.segments[v.firstSegment].slot + 1, v.variable);
  for (const set of dictionary.valueLabels) {
    for (const slot of set.slots) {
      const target = bySlot.get(slot);
      if (!target) c.fail(`a variable index between 1 and ${layout.totalSlots} that starts a variable`, String(slot), set.offset);
      for (const {value, label} of set.labels) {
        const v = target.type === "numeric" ? new DataView(value.buffer, value.byteOffset, 8).getFloat64(0, c.le) : rtrim(text(value));
        target.valueLabels.push({value: v, label: text(label)});
      }
    }
  }
  const byName = new Map<string, SavVariable>();
  for (const {variable} of layout.variables) byName.set(variable.shortName.toUpperCase(), variable);
  for (const {variable} of layout.variables) byName.set(variable.name.toUpperCase(), variable);
  for (const set of x.longStringLabels) {
    const target = byName.get(text(set.name).toUpperCase());
    for (const {value, label} of set.labels) target?.valueLabels.push({value: rtrim(text(value)), label: text(label)});
  }
  for (const set of x.longStringMissing) {
    const target = byName.get(text(set.name).toUpperCase());
    if (target) target.missing = {discrete: set.values.map((v) => rtrim(text(v)))};
  }
}
