// Every number on a story page comes from the data or the report's printed numbers in the metadata, never from the
// author's keyboard: a site built from another export must not repeat this one's counts or the report's values.
// This test reads the story pages' Markdown and fails on a number that belongs to the data.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import codebook from "../../../data/codebook.json" with {type: "json"};
import published from "../../../data/published.json" with {type: "json"};

const root = join(import.meta.dirname, "../../../src");
const pages = ["index.md", "methode.md", "beschouwing.md", ...readdirSync(join(root, "hoofdstuk")).filter((f) => f.endsWith(".md")).map((f) => `hoofdstuk/${f}`)];

/** Every number in published.json and the codebook's population (counts, means, percentages). */
function dataNumbers(): {integers: Set<number>; decimals: Set<string>} {
  const integers = new Set<number>();
  const decimals = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === "number") {
      if (Number.isInteger(value)) integers.add(value);
      else decimals.add(value.toFixed(2).replace(".", ","));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(published);
  visit(codebook.population);
  // Counts of items per scale and in all.
  integers.add(codebook.items.length);
  return {integers, decimals};
}

/** What may precede a typed number: the report's figure, table, box and section numbers. */
const numbering = /(?:(?:Figuur|Figuren|Tabel|Tabellen|Box|figuren|tabellen|tot en met|hoofdstuk)|(?:Figuur|Tabel|Box) \d+ en)\s*$/;

/** Typed numbers in a page that belong to the data, with a few characters of context. */
export function typedDataNumbers(markdown: string): string[] {
  const {integers, decimals} = dataNumbers();
  const found: string[] = [];
  const text = markdown.replace(/^---[\s\S]*?---/, "");
  // Decimal numbers (2,26) and percentages (19%) are always data when typed; "95%-interval" names the interval.
  for (const m of text.matchAll(/\d+,\d+|\d+(?:,\d+)?\s?%(?!-interval)/g)) {
    if (/^\d+,\d+$/.test(m[0]) && !decimals.has(m[0]) && !/^\d+,\d{2}$/.test(m[0])) continue;
    found.push(context(text, m.index!, m[0]));
  }
  // "rapport: ..." with a digit: a printed value typed into the prose.
  for (const m of text.matchAll(/rapport:[^)]*\d/g)) found.push(context(text, m.index!, m[0]));
  // Integers of ten or more that are counts in the data or the report (107, 101, 352, 123, 37, ...).
  for (const m of text.matchAll(/(?<![\w-]|\d[.,])\d{2,}(?!,\d|\.\d|[\w%])/g)) {
    const value = Number(m[0]);
    if (!integers.has(value) || value >= 1900) continue;
    if (numbering.test(text.slice(Math.max(0, m.index! - 14), m.index!))) continue;
    found.push(context(text, m.index!, m[0]));
  }
  return found;
}

function context(text: string, index: number, match: string): string {
  return text.slice(Math.max(0, index - 30), index + match.length + 10).replace(/\s+/g, " ");
}

describe("no typed data numbers in the story pages", () => {
  for (const page of pages)
    test(page, () => {
      expect(typedDataNumbers(readFileSync(join(root, page), "utf8"))).toEqual([]);
    });

  test("the check finds what it looks for", () => {
    expect(typedDataNumbers("De echte antwoorden van de 107 gemeenten.")).toHaveLength(1);
    expect(typedDataNumbers("alle 352 gemeenten")).toHaveLength(1);
    expect(typedDataNumbers("Het rapport noemt 101 gemeenten en 2,26.")).toHaveLength(2);
    expect(typedDataNumbers("groottes 123, 141, 56 en 32")).toHaveLength(4);
    expect(typedDataNumbers("goed ${x} (rapport: 19%, 50%)")).not.toEqual([]);
    expect(typedDataNumbers("In ${n} gevallen (rapport: 37)")).not.toEqual([]);
    expect(typedDataNumbers("Figuur 16 en Tabel 5, een 95%-interval, sinds 2017, Box 2 en 3, op een schaal van 1 tot 4")).toEqual([]);
  });
});
