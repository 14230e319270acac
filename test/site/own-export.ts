// A publisher's own export for the site test: 100 municipalities (the reconstruction less seven), with answers that
// differ from the reconstruction, under a file name of its own and without the reconstruction's sidecar. Every size
// class x role group keeps at least 5 respondents, so the k-anonymity check passes. Saved the way Dutch Excel saves
// a CSV: semicolons, CRLF, Windows-1252, and a free-text column (quoted where it holds a semicolon) that the
// pipeline must leave out.
import {readFileSync, writeFileSync} from "node:fs";
import {reconstructedExport} from "../../loaders/pipeline/site-source.ts";

export const OWN_EXPORT_NAME = "eigen-export-2026.csv";
export const OWN_EXPORT_RESPONDENTS = 100;
/** The free text of some respondents: it must never reach the built site. */
export const FREE_TEXT = "Geen opmerking; café-overleg één keer per maand";

/** Writes the export to `path` (its base name should be OWN_EXPORT_NAME); returns its text. */
export function writeOwnExport(path: string): string {
  const [header, ...rows] = readFileSync(reconstructedExport, "utf8").trimEnd().split("\n");
  const columns = header.split(",");
  const first = columns.indexOf("uit_traditioneel");
  // Leave out seven respondents of the largest group, so the counts differ from the reconstruction's.
  const largest = "25.001-50.000,andere functie,";
  let left = rows.length - OWN_EXPORT_RESPONDENTS;
  const kept = rows.filter((row) => !(left > 0 && row.split(",").slice(1, 3).join(",") + "," === largest && left--));
  // Move every answer one step up (the top step goes to the bottom), leaving "not answered" as it is.
  const top = new Map<number, number>();
  for (const row of kept) row.split(",").forEach((cell, i) => i >= first && cell !== "" && top.set(i, Math.max(top.get(i) ?? 0, Number(cell))));
  const shifted = kept.map((row) => row.split(",").map((cell, i) => {
    if (i < first || cell === "") return cell;
    const code = Number(cell);
    const bottom = top.get(i) === 1 ? 0 : 1; // yes/no items are 0/1, scales start at 1
    return String(code >= top.get(i)! ? bottom : code + 1);
  }).join(","));
  const semicolons = (row: string, text: string) => `${row.split(",").join(";")};${text}`;
  const lines = [semicolons(header, "toelichting"), ...shifted.map((row, i) => semicolons(row, i % 3 === 0 ? `"${FREE_TEXT}"` : ""))];
  const text = lines.join("\r\n") + "\r\n";
  writeFileSync(path, Buffer.from(text, "latin1")); // é and ë are the same bytes in Windows-1252
  return text;
}
