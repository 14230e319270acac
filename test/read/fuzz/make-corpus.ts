/**
 * A seeded corpus of damaged exports for the readers' fuzz test: valid CSV, .sav (bytecode, uncompressed, ZLIB)
 * and .xlsx files, each mutated the way a careless tool or an attacker would (flipped, cut, repeated and inserted
 * bytes; extreme 32-bit fields in .sav records; damaged XML inside the workbook's zip). Same seed, same bytes.
 * `mustRefuse` marks cases whose damage a reader has to notice (a file that is still readable but says something
 * the data contradict); for the others either a clean table or an InputError is right.
 */
import {readFileSync} from "node:fs";
import ExcelJS from "exceljs";
import {strFromU8, strToU8, unzipSync, zipSync} from "fflate";
import {deflateSync} from "node:zlib";
import {writeSav, type SavColumn} from "../../../loaders/write/sav/write.ts";

export interface FuzzCase {
  name: string;
  /** File name handed to the reader; its extension picks the reader. */
  file: string;
  bytes: Uint8Array;
  mustRefuse?: boolean;
  mustParse?: boolean;
}

const root = new URL("../../../", import.meta.url);

/** mulberry32: a small seeded generator, enough to pick mutations reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)];

/** Generic byte damage. */
const byteMutations: ((b: Uint8Array, r: Random) => Uint8Array)[] = [
  (b, r) => { const c = b.slice(); for (let k = 0; k < 1 + int(r, 4); k++) c[int(r, c.length)] ^= 1 << int(r, 8); return c; },
  (b, r) => { const c = b.slice(); c[int(r, c.length)] = pick(r, [0x00, 0xff, 0x80, 0x22, 0x0a, 0x0d, 0x3b, 0x2c]); return c; },
  (b, r) => b.slice(0, int(r, b.length)),
  (b, r) => { const at = int(r, b.length); const n = 1 + int(r, 64); return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + n))); },
  (b, r) => { const at = int(r, b.length); const n = 1 + int(r, 256); return concat(b.subarray(0, at + n), b.subarray(at, at + n), b.subarray(at + n)); },
  (b, r) => { const at = int(r, b.length); const junk = Uint8Array.from({length: 1 + int(r, 16)}, () => int(r, 256)); return concat(b.subarray(0, at), junk, b.subarray(at)); }
];

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
}

/** Overwrite an aligned 32-bit field (record types, counts, lengths, types) with an extreme value. */
function savFieldMutation(b: Uint8Array, r: Random): Uint8Array {
  const c = b.slice();
  const at = (int(r, (c.length - 4) / 4) * 4) >>> 0;
  new DataView(c.buffer).setInt32(at, pick(r, [0, -1, 1, 2, 7, 255, 256, 65536, 0x7fffffff, -0x80000000, 999, 21, 22]), true);
  return c;
}

/** Text damage for CSV and the XML inside a workbook. */
const textMutations: ((t: string, r: Random) => string)[] = [
  (t, r) => { const at = int(r, t.length); return t.slice(0, at) + pick(r, ['"', ",", ";", "\n", "\r", "\r\n", "\0", "\uFEFF", "\u00e9", "\t"]) + t.slice(at); },
  (t) => t.replace(/\n/g, (m, i: number) => (i % 3 ? "\r\n" : m)),
  (t, r) => t.replace(/r="(\d+)"/, () => `r="${pick(r, ["1000000000", "0", "-1", "99999999999999999999", "abc"])}"`),
  (t, r) => t.replace(/r="([A-Z]+)(\d+)"/, (_m, _c, row) => `r="${pick(r, ["XFE", "ZZZZ", "AAAAAAAA", "A"])}${row}"`),
  (t, r) => t.replace(/<v>(\d+)<\/v>/, () => `<v>${pick(r, ["99999", "-1", "", "1e400", "x"])}</v>`),
  (t, r) => { const tags = [...t.matchAll(/<\/?[a-zA-Z:]+/g)]; if (!tags.length) return t; const m = pick(r, tags); return t.slice(0, m.index) + t.slice(m.index! + m[0].length); },
  (t, r) => t.slice(0, int(r, t.length))
];

/** The first lines of the reconstructed export: a valid CSV seed. */
function csvSeed(): string {
  return readFileSync(new URL("data/raw/responses.csv", root), "utf8").split("\n").slice(0, 13).join("\n") + "\n";
}

function savSeed(csv: string, compression: "bytecode" | "none"): Uint8Array {
  const [header, ...lines] = csv.trimEnd().split("\n").map((l) => l.split(","));
  const columns: SavColumn[] = header.map((name, i) => {
    const values = lines.map((l) => l[i]);
    const numeric = values.every((v) => v === "" || /^-?\d+$/.test(v));
    return numeric
      ? {name, type: "numeric", values: values.map((v) => (v === "" ? null : Number(v))), valueLabels: {1: "Onvoldoende", 2: "Voldoende"}, missing: {discrete: [9]}}
      : {name, type: "string", values, width: Math.max(12, ...values.map((v) => new TextEncoder().encode(v).length)), valueLabels: {[values[0]]: "Eerste"}, missing: {discrete: ["onbekend"]}};
  });
  return writeSav({columns, compression, fileLabel: "fuzz"});
}

async function xlsxSeed(csv: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Antwoorden");
  for (const line of csv.trimEnd().split("\n")) sheet.addRow(line.split(",").map((v) => (/^\d+$/.test(v) ? Number(v) : v)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function mutateWorkbook(bytes: Uint8Array, r: Random): Uint8Array {
  const entries = unzipSync(bytes);
  const names = Object.keys(entries).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const target = r() < 0.6 ? "xl/worksheets/sheet1.xml" : pick(r, names);
  entries[target] = strToU8(pick(r, textMutations)(strFromU8(entries[target]), r));
  return zipSync(entries, {level: 1});
}

/** A few hundred damaged exports, the same for the same seed. */
export async function makeCorpus(seed = 20221, perFormat = 100): Promise<FuzzCase[]> {
  const r = seeded(seed);
  const csv = csvSeed();
  const csvBytes = strToU8(csv);
  const savs = [savSeed(csv, "bytecode"), savSeed(csv, "none"), readFileSync(new URL("test/fixtures/sav/pspp-zcompressed.sav", root)), readFileSync(new URL("test/fixtures/sav/pspp-compressed.sav", root))];
  const xlsx = await xlsxSeed(csv);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < perFormat; i++) {
    const bytes = r() < 0.5 ? pick(r, byteMutations)(csvBytes, r) : strToU8(pick(r, textMutations)(csv, r));
    cases.push({name: `csv-${i}`, file: `fuzz-${i}.csv`, bytes});
  }
  for (let i = 0; i < perFormat; i++) {
    const seedFile = pick(r, savs);
    const bytes = r() < 0.5 ? savFieldMutation(seedFile, r) : pick(r, byteMutations)(seedFile, r);
    cases.push({name: `sav-${i}`, file: `fuzz-${i}.sav`, bytes});
  }
  for (let i = 0; i < perFormat; i++) {
    const bytes = r() < 0.7 ? mutateWorkbook(xlsx, r) : pick(r, byteMutations)(xlsx, r);
    cases.push({name: `xlsx-${i}`, file: `fuzz-${i}.xlsx`, bytes});
  }
  return [...cases, ...targetedCases(csv, savs[0], xlsx), ...bombs(savs[2], xlsx)];
}

/** The damage a reader must notice: each of these reads without a library error, so only a check refuses it. */
export function targetedCases(csv: string, sav: Uint8Array, xlsx: Uint8Array): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const n of [0, 50, -0x80000000]) {
    const c = sav.slice();
    new DataView(c.buffer).setInt32(80, n, true); // header: number of cases
    cases.push({name: `sav header case count ${n}`, file: "cases.sav", bytes: c, mustRefuse: true});
  }
  // The type field of the second variable record (size_class is a string; an item is numeric): numeric -> string width 8.
  const c = sav.slice();
  const view = new DataView(c.buffer);
  let at = 176;
  let records = 0;
  while (at < c.length - 8 && records < 5) {
    if (view.getInt32(at, true) === 2 && view.getInt32(at + 4, true) === 0) records++;
    if (records === 5) view.setInt32(at + 4, 8, true);
    at += 4;
  }
  cases.push({name: "sav numeric type changed to a string", file: "type.sav", bytes: c, mustRefuse: true});
  cases.push({name: "csv BOM then NUL in an id", file: "bom-nul.csv", bytes: strToU8("\uFEFF\0" + csv), mustRefuse: true});
  cases.push({name: "csv with mixed LF and CRLF line ends", file: "mixed.csv", bytes: strToU8(csv.split("\n").map((l, i) => l + (i % 2 ? "\r" : "")).join("\n")), mustParse: true});
  cases.push({name: "csv header of a million columns", file: "wide.csv", bytes: strToU8(Array.from({length: 1_000_000}, (_, i) => `c${i}`).join(",") + "\n"), mustRefuse: true});
  cases.push(...longStringRecordCases(sav));
  const entries = unzipSync(xlsx);
  const sheet = strFromU8(entries["xl/worksheets/sheet1.xml"]);
  entries["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace(/<row r="13"[^>]*>/, '<row r="1000000000">').replace(/r="([A-Z]+)13"/g, 'r="$11000000000"'));
  cases.push({name: "xlsx row numbered 10^9", file: "row.xlsx", bytes: zipSync(entries), mustRefuse: true});
  return cases;
}

/** Offset of the first extension record 7 with this subtype, or -1. */
function extensionRecord(sav: Uint8Array, subtype: number): number {
  const v = new DataView(sav.buffer, sav.byteOffset, sav.byteLength);
  for (let at = 176; at + 16 <= sav.length; at++) if (v.getInt32(at, true) === 7 && v.getInt32(at + 4, true) === subtype && v.getInt32(at + 8, true) === 1) return at;
  return -1;
}

/** Damage inside records 7/21 and 7/22 (long string value labels and missing values): lengths that run past the record. */
export function longStringRecordCases(sav: Uint8Array): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const subtype of [21, 22]) {
    const at = extensionRecord(sav, subtype);
    if (at < 0) throw new Error(`the seed .sav has no record 7/${subtype}`);
    for (const [k, value] of [[0, 0x7fffffff], [0, -5], [0, 3]] as const) {
      const c = sav.slice();
      const body = at + 16;
      const nameLength = new DataView(c.buffer).getInt32(body, true);
      // k = 0: the variable name's length; then the field after the name (width / count of missing values)
      new DataView(c.buffer).setInt32(value === 3 ? body + 4 + nameLength : body, value === 3 ? 0x7ffffff0 : value, true);
      cases.push({name: `sav record 7/${subtype} with a length ${value === 3 ? "after the name" : value} out of range (${k})`, file: `r${subtype}.sav`, bytes: c, mustRefuse: true});
    }
  }
  return cases;
}

/** Decompression bombs: a .zsav block and a workbook part that inflate far beyond what they declare or any limit. */
export function bombs(zsav: Uint8Array, xlsx: Uint8Array): FuzzCase[] {
  const v = new DataView(zsav.buffer, zsav.byteOffset, zsav.byteLength);
  let start = -1;
  for (let at = 176; at + 8 <= zsav.length; at++) if (Number(v.getBigInt64(at, true)) === at) {
    start = at;
    break;
  }
  if (start < 0) throw new Error("the seed .zsav has no ZLIB header");
  const zsavWith = (block: Uint8Array, declared: number, blockSize: number) => {
    const out = new Uint8Array(start + 24 + block.length + 48);
    out.set(zsav.subarray(0, start));
    const o = new DataView(out.buffer);
    const trailer = start + 24 + block.length;
    o.setBigInt64(start, BigInt(start), true);
    o.setBigInt64(start + 8, BigInt(trailer), true);
    o.setBigInt64(start + 16, 48n, true);
    out.set(block, start + 24);
    o.setBigInt64(trailer, -100n, true);
    o.setInt32(trailer + 16, blockSize, true);
    o.setInt32(trailer + 20, 1, true);
    o.setBigInt64(trailer + 24, BigInt(start), true);
    o.setBigInt64(trailer + 32, BigInt(start + 24), true);
    o.setInt32(trailer + 40, declared, true);
    o.setInt32(trailer + 44, block.length, true);
    return out;
  };
  const zeros = deflateSync(new Uint8Array(8 << 20), {level: 1});
  const workbook = unzipSync(xlsx);
  workbook["xl/media/padding.bin"] = new Uint8Array(24 << 20);
  const bomb = zipSync(workbook, {level: 1});
  const lying = bomb.slice();
  const lv = new DataView(lying.buffer);
  for (let i = 0; i + 4 < lying.length; i++) {
    const sig = lv.getUint32(i, true);
    if (sig === 0x04034b50 && lying[i + 30] !== undefined && strFromU8(lying.subarray(i + 30, i + 30 + 21)) === "xl/media/padding.bin") lv.setUint32(i + 22, 4096, true);
    if (sig === 0x02014b50 && strFromU8(lying.subarray(i + 46, i + 46 + 20)) === "xl/media/padding.bin") lv.setUint32(i + 24, 4096, true);
  }
  return [
    {name: "zsav block declaring 8 MiB in a 4 KiB block size", file: "bomb-declared.zsav", bytes: zsavWith(zeros, 8 << 20, 4096), mustRefuse: true},
    {name: "zsav block declaring 4 KiB that inflates to 8 MiB", file: "bomb-lying.zsav", bytes: zsavWith(zeros, 4096, 4096), mustRefuse: true},
    {name: "xlsx part of 24 MiB at a ratio over 200:1", file: "bomb.xlsx", bytes: bomb, mustRefuse: true},
    {name: "xlsx part declaring 4 KiB that inflates to 24 MiB", file: "bomb-lying.xlsx", bytes: lying, mustRefuse: true}
  ];
}
