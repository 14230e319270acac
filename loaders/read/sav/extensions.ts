/**
 * Extension records (type 7) this reader uses: 3 machine integer info (code page), 11 display parameters
 * (measurement level), 13 long variable names, 14 very long strings, 20 character encoding, 21 long string value
 * labels, 22 long string missing values. Others are skipped. Bodies are read through bounds-checked cursors, so a
 * forged length inside a record is an InputError at its byte offset.
 */
import {Cursor, latin1} from "./cursor.ts";
import type {RawExtension} from "./dictionary.ts";

export interface LongStringLabels {
  offset: number;
  name: Uint8Array;
  labels: {value: Uint8Array; label: Uint8Array}[];
}

export interface LongStringMissing {
  offset: number;
  name: Uint8Array;
  values: Uint8Array[];
}

export interface Extensions {
  /** Code page from record 7/3, and where it was. */
  codePage?: {value: number; offset: number};
  /** Encoding name from record 7/20, and where it was. */
  encodingName?: {value: string; offset: number};
  display?: number[];
  longNames?: Uint8Array;
  veryLongStrings?: Uint8Array;
  longStringLabels: LongStringLabels[];
  longStringMissing: LongStringMissing[];
}

function readLongStringLabels(c: Cursor): LongStringLabels[] {
  const out: LongStringLabels[] = [];
  while (!c.done) {
    const offset = c.base + c.pos;
    const name = c.take(c.length("a variable name"), "variable name");
    const width = c.int32("string width");
    if (width < 9 || width > 32767) c.fail("the width (9 to 32767 bytes) of a long string variable", String(width), c.base + c.pos - 4);
    const n = c.length("a value label list", 8);
    const labels: {value: Uint8Array; label: Uint8Array}[] = [];
    for (let k = 0; k < n; k++) {
      const value = c.take(c.length("a labelled value"), "labelled value");
      const label = c.take(c.length("a value label"), "value label");
      labels.push({value, label});
    }
    out.push({offset, name, labels});
  }
  return out;
}

function readLongStringMissing(c: Cursor): LongStringMissing[] {
  const out: LongStringMissing[] = [];
  while (!c.done) {
    const offset = c.base + c.pos;
    const name = c.take(c.length("a variable name"), "variable name");
    const n = c.byte("number of missing values");
    if (n < 1 || n > 3) c.fail("1 to 3 missing values for a long string", String(n), c.base + c.pos - 1);
    const values: Uint8Array[] = [];
    for (let k = 0; k < n; k++) values.push(c.take(c.length("a missing value"), "missing value"));
    out.push({offset, name, values});
  }
  return out;
}

export function readExtensions(records: RawExtension[]): Extensions {
  const x: Extensions = {longStringLabels: [], longStringMissing: []};
  for (const {subtype, body, offset} of records) {
    const size = body.bytes.length;
    if (subtype === 3 && size >= 32) {
      body.pos = 28;
      x.codePage = {value: body.int32("character code"), offset: body.base + 28};
    } else if (subtype === 11) {
      if (size % 4 === 0) x.display = Array.from({length: size / 4}, () => body.int32("display parameter"));
    } else if (subtype === 13) x.longNames = body.bytes;
    else if (subtype === 14) x.veryLongStrings = body.bytes;
    else if (subtype === 20) x.encodingName = {value: latin1(body.bytes).replace(/\0+$/, "").trim(), offset};
    else if (subtype === 21) x.longStringLabels.push(...readLongStringLabels(body));
    else if (subtype === 22) x.longStringMissing.push(...readLongStringMissing(body));
  }
  return x;
}
