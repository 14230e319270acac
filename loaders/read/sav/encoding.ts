import {InputError} from "../../input-error.ts";
import type {Extensions} from "./extensions.ts";

function encodingFromCodePage(code: number): string | undefined {
  if (code === 65001) return "utf-8";
  if (code === 28591) return "iso-8859-1";
  if (code >= 874 && code <= 1258) return `windows-${code}`;
  return undefined;
}

/**
 * The text decoder for the file's strings: record 7/20's name, else 7/3's code page, else Windows-1252 (what old
 * SPSS versions on Windows wrote). An encoding TextDecoder does not know is an InputError at the record that names it.
 */
export function savDecoder(x: Extensions, file: string): {encoding: string; decoder: TextDecoder} {
  const named = x.encodingName?.value;
  const fromCodePage = x.codePage && x.codePage.value !== 2 && x.codePage.value !== 3 ? encodingFromCodePage(x.codePage.value) : undefined;
  let encoding = (named || fromCodePage || "windows-1252").toLowerCase();
  try {
    const decoder = new TextDecoder(encoding);
    if (encoding === "utf8") encoding = "utf-8";
    return {encoding, decoder};
  } catch {
    const at = named ? x.encodingName!.offset : x.codePage?.offset;
    throw new InputError({file, line: at, unit: "byte", column: named ? "character encoding (record 7/20)" : "code page (record 7/3)", expected: "a character encoding this reader knows (UTF-8, windows-1252, ISO-8859-1, ...); save the file from SPSS with SET UNICODE=ON", found: encoding});
  }
}
