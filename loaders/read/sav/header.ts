import {Cursor, latin1} from "./cursor.ts";

export const HEADER_SIZE = 176;

/** The 176-byte file header (PSPP manual B.2). */
export interface SavHeader {
  magic: "$FL2" | "$FL3";
  product: string;
  compressionCode: 0 | 1 | 2;
  /** 1-based slot of the weight variable, 0 for none. */
  weightSlot: number;
  /** Number of cases, or -1 when the writer did not know it. */
  ncases: number;
  bias: number;
  creationDate: string;
  creationTime: string;
  fileLabel: Uint8Array;
}

/** Reads the header and sets the cursor's byte order from the layout code. */
export function readHeader(c: Cursor): SavHeader {
  const {bytes} = c;
  const startsWith = "an SPSS system file starting with \"$FL2\" or \"$FL3\"";
  if (bytes.length === 0) c.fail(startsWith, "an empty file", 0);
  const magic = latin1(bytes.subarray(0, 4));
  if (magic !== "$FL2" && magic !== "$FL3") c.fail(startsWith, magic, 0);
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
  if (compressionCode !== 0 && compressionCode !== 1 && compressionCode !== 2) c.fail("compression code 0, 1 or 2 in the file header", String(compressionCode), 72);
  if ((compressionCode === 2) !== (magic === "$FL3")) c.fail(`compression code ${magic === "$FL3" ? 2 : "0 or 1"} for a "${magic}" file`, String(compressionCode), 72);
  const weightSlot = c.int32("weight index");
  if (weightSlot < 0) c.fail("a weight index of 0 (none) or a variable's position", String(weightSlot), 76);
  const ncases = c.int32("number of cases");
  if (ncases < -1) c.fail("a number of cases of 0 or more (or -1: unknown) in the file header", String(ncases), 80);
  const bias = c.float64("compression bias");
  if (!(bias > 0 && bias < 252)) c.fail("compression bias 100 in the file header", String(bias), 84);
  const creationDate = latin1(c.take(9, "creation date"));
  const creationTime = latin1(c.take(8, "creation time"));
  const fileLabel = c.take(64, "file label");
  c.take(3, "header padding");
  return {magic, product, compressionCode, weightSlot, ncases, bias, creationDate, creationTime, fileLabel};
}
