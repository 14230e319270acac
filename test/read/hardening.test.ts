// What each reader says about the damage the fuzz corpus singles out: the message names the file, the position and
// what was expected (the fuzz test only checks that there is a position).
import {strToU8} from "fflate";
import {describe, expect, test} from "vitest";
import {InputError} from "../../loaders/input-error.ts";
import {readDutchCsv} from "../../loaders/read/dutch-csv.ts";
import {readSav} from "../../loaders/read/sav/read.ts";
import {readXlsx} from "../../loaders/read/xlsx.ts";
import {writeSav} from "../../loaders/write/sav/write.ts";
import {makeCorpus} from "./fuzz/make-corpus.ts";

const corpus = await makeCorpus(20221, 0);
const byName = (name: string) => corpus.find((c) => c.name === name)!;
const refusal = async (name: string): Promise<InputError> => {
  const c = byName(name);
  try {
    if (c.file.endsWith(".csv")) readDutchCsv(c.bytes, c.file);
    else if (c.file.endsWith("sav")) readSav(c.bytes, c.file);
    else await readXlsx(c.bytes, c.file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`${name} was read without an error`);
};

describe(".sav", () => {
  test("a header case count the data contradict", async () => {
    expect((await refusal("sav header case count 0")).message).toMatch(/cases\.sav, record 1: expected 0 cases, as the file header says \(byte 80\), found "12 cases in the data"/);
    expect((await refusal("sav header case count 50")).message).toMatch(/expected 50 cases, as the file header says/);
    expect((await refusal("sav header case count -2147483648")).message).toMatch(/cases\.sav, byte 80: expected a number of cases of 0 or more \(or -1: unknown\)/);
  });
  test("a changed type byte is an error, not an item read as empty", async () => {
    expect((await refusal("sav numeric type changed to a string")).message).toMatch(/type\.sav, byte \d+: expected a numeric variable \(type 0\) for the numeric print format of "\w+"/);
  });
  test("malformed long string records 7/21 and 7/22 are InputErrors at a byte offset", async () => {
    for (const c of corpus.filter((x) => /record 7\/2[12]/.test(x.name))) expect((await refusal(c.name)).location).toMatchObject({unit: "byte", line: expect.any(Number)});
  });
  test("an encoding the reader does not know is named with the byte offset of the record that names it", () => {
    const sav = writeSav({columns: [{name: "x", type: "numeric", values: [1, 2]}]});
    const v = new DataView(sav.buffer);
    let at = 176;
    while (!(v.getInt32(at, true) === 7 && v.getInt32(at + 4, true) === 20)) at++;
    sav.set(new TextEncoder().encode("KOI9R"), at + 16);
    expect(() => readSav(sav, "koi.sav")).toThrow(`koi.sav, byte ${at}, column "character encoding (record 7/20)": expected a character encoding this reader knows`);
  });
  test("a .zsav bomb is refused before it is inflated", async () => {
    expect((await refusal("zsav block declaring 8 MiB in a 4 KiB block size")).message).toMatch(/expected an uncompressed size of block 1 of at most the block size 4096/);
    expect((await refusal("zsav block declaring 4 KiB that inflates to 8 MiB")).message).toMatch(/expected block 1 to inflate to the 4096 bytes the trailer declares/);
  });
});

describe("CSV", () => {
  test("a byte-order mark followed by NUL is refused", async () => {
    expect((await refusal("csv BOM then NUL in an id")).message).toMatch(/bom-nul\.csv, line 1, column "4": expected text \(UTF-8 or Windows-1252\) without NUL bytes/);
  });
  test("mixed LF and CRLF line ends are read, with the right line numbers", () => {
    const table = readDutchCsv(strToU8("a,b\r\n1,2\n3,4\r\n5,6\n"), "mixed.csv");
    expect(table.rows).toEqual([{line: 2, cells: ["1", "2"]}, {line: 3, cells: ["3", "4"]}, {line: 4, cells: ["5", "6"]}]);
  });
  test("a header of a million columns is refused before parsing", async () => {
    expect((await refusal("csv header of a million columns")).message).toMatch(/wide\.csv, line 1: expected a header line of at most 1048576 bytes/);
    expect(() => readDutchCsv(strToU8("c,".repeat(20_000) + "c\n1\n"), "wide.csv")).toThrow(/wide\.csv, line 1: expected at most 16384 columns in the header, found "20001 columns"/);
  });
  test("a cell longer than Excel's limit (an unclosed quote) is refused", () => {
    expect(() => readDutchCsv(strToU8(`a,b\n1,"${"x".repeat(40_000)}\n`), "long.csv")).toThrow(/long\.csv, line 2: expected cells of at most 32767 characters/);
  });
});

describe(".xlsx", () => {
  test("a row numbered 10^9 is refused with its sheet", async () => {
    expect((await refusal("xlsx row numbered 10^9")).message).toMatch(/row\.xlsx, line 13, column "sheet \\"Antwoorden\\"": expected a row number after 12 and at most 1048576/);
  });
  test("zip bombs are refused: by ratio before inflating, and by checksum when the size is forged", async () => {
    expect((await refusal("xlsx part of 24 MiB at a ratio over 200:1")).message).toMatch(/column "xl\/media\/padding\.bin": expected a compression ratio of at most 200:1/);
    expect((await refusal("xlsx part declaring 4 KiB that inflates to 24 MiB")).message).toMatch(/column "xl\/media\/padding\.bin": expected the part xl\/media\/padding\.bin to unpack to the bytes its checksum and size declare/);
  });
});
