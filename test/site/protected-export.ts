// A real-looking export for the protected-mode tests: the own export of test/site/own-export.ts (answers that differ
// from the reconstruction) less one municipal secretary of the 50.001-100.000 class, so that one size class x role
// group has 4 respondents: the story must hide it (and what it follows from), the synthetic data must not carry it.
import {writeFileSync} from "node:fs";
import {writeOwnExport} from "./own-export.ts";

export const PROTECTED_EXPORT_NAME = "beschermde-export-2026.csv";
/** The size class x role group of 4. */
export const SMALL_GROUP = {size_class: "50.001-100.000", role: "gemeentesecretaris", n: 4};

/** Writes the export to `path` (semicolon CSV, Windows-1252, as the own export); returns its text. */
export function writeProtectedExport(path: string): string {
  const [header, ...rows] = writeOwnExport(path).trimEnd().split("\r\n");
  const group = `;${SMALL_GROUP.size_class};${SMALL_GROUP.role};`;
  const first = rows.findIndex((row) => row.includes(group));
  const text = [header, ...rows.filter((_, i) => i !== first)].join("\r\n") + "\r\n";
  writeFileSync(path, Buffer.from(text, "latin1"));
  return text;
}
