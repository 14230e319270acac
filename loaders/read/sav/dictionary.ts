/**
 * The dictionary: every record between the file header and the data, read raw (bytes, offsets), in file order.
 * Record types: 2 variable, 3+4 value labels, 6 documents, 7 extensions, 999 end (PSPP manual B.3-B.5).
 */
import {Cursor} from "./cursor.ts";

export interface RawVariableRecord {
  offset: number;
  /** 0 numeric, 1-255 string width, -1 continuation of the string before. */
  type: number;
  label?: Uint8Array;
  nMissing: number;
  missing: Uint8Array[];
  print: number;
  write: number;
  name: Uint8Array;
}

export interface RawValueLabelSet {
  offset: number;
  labels: {value: Uint8Array; label: Uint8Array}[];
  /** 1-based slot indexes of the variables the labels belong to. */
  slots: number[];
}

export interface RawExtension {
  offset: number;
  subtype: number;
  /** The record body, as a cursor reporting file offsets. */
  body: Cursor;
}

export interface RawDictionary {
  variables: RawVariableRecord[];
  valueLabels: RawValueLabelSet[];
  documents: Uint8Array[];
  extensions: RawExtension[];
}

function readVariableRecord(c: Cursor, offset: number): RawVariableRecord {
  const type = c.int32("variable type");
  if (type < -1 || type > 255) c.fail("variable type -1 (continuation), 0 (numeric) or 1-255 (string width)", String(type), offset + 4);
  const hasLabel = c.int32("variable label flag");
  if (hasLabel !== 0 && hasLabel !== 1) c.fail("variable label flag 0 or 1", String(hasLabel), offset + 8);
  const nMissing = c.int32("number of missing values");
  if (![0, 1, 2, 3, -2, -3].includes(nMissing)) c.fail("number of missing values 0, 1, 2, 3, -2 or -3", String(nMissing), offset + 12);
  const print = c.int32("print format");
  const write = c.int32("write format");
  const name = c.take(8, "variable name");
  let label: Uint8Array | undefined;
  if (hasLabel) {
    const len = c.length("a variable label");
    label = c.take(len, "variable label");
    c.take((4 - (len % 4)) % 4, "variable label padding");
  }
  const missing: Uint8Array[] = [];
  for (let i = 0; i < Math.abs(nMissing); i++) missing.push(c.take(8, "missing value"));
  return {offset, type, label, nMissing, missing, print, write, name};
}

function readValueLabelSet(c: Cursor, offset: number): RawValueLabelSet {
  const n = c.length("a value label list", 9);
  const labels: {value: Uint8Array; label: Uint8Array}[] = [];
  for (let i = 0; i < n; i++) {
    const value = c.take(8, "value label value");
    const len = c.byte("value label length");
    const label = c.take(len, "value label");
    c.take((8 - ((len + 1) % 8)) % 8, "value label padding");
    labels.push({value, label});
  }
  const at = c.pos;
  const t4 = c.int32("record type 4 after a value label record");
  if (t4 !== 4) c.fail("record type 4 (value label variables) after a value label record", String(t4), at);
  const nv = c.length("a value label variable list", 4);
  const slots: number[] = [];
  for (let i = 0; i < nv; i++) slots.push(c.int32("value label variable index"));
  return {offset, labels, slots};
}

export function readDictionary(c: Cursor): RawDictionary {
  const dictionary: RawDictionary = {variables: [], valueLabels: [], documents: [], extensions: []};
  for (;;) {
    const offset = c.pos;
    const recordType = c.int32("a record type");
    if (recordType === 2) dictionary.variables.push(readVariableRecord(c, offset));
    else if (recordType === 3) dictionary.valueLabels.push(readValueLabelSet(c, offset));
    else if (recordType === 6) dictionary.documents.push(c.take(c.length("the document lines", 80) * 80, "document lines"));
    else if (recordType === 7) {
      const subtype = c.int32("extension record subtype");
      const size = c.int32("extension record element size");
      const count = c.int32("extension record element count");
      if (size <= 0 || count < 0 || size * count > c.bytes.length - c.pos) c.fail(`an extension record size that fits in the ${c.bytes.length - c.pos} bytes left`, `${size} x ${count}`, offset + 8);
      dictionary.extensions.push({offset, subtype, body: c.sub(size * count, `extension record ${subtype}`)});
    } else if (recordType === 999) {
      c.int32("dictionary termination filler");
      return dictionary;
    } else c.fail("a record type 2, 3, 6, 7 or 999", String(recordType), offset);
  }
}
