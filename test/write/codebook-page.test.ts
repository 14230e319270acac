import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import {DIRECT_IDENTIFIER_RULES, identifierByName} from "../../loaders/anonymise/policy.ts";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {codebookMarkdown, codebookPagePath} from "../../loaders/write/codebook-page.ts";

const codebook = loadCodebook();

test("src/codebook.md is generated from data/codebook.json and up to date (npx tsx loaders/write/codebook-page.ts)", () => {
  expect(readFileSync(codebookPagePath, "utf8")).toBe(codebookMarkdown(codebook));
});

test("the page lists every item, scale and response option, and leaves where the answers come from to the provenance record", () => {
  const page = codebookMarkdown(codebook);
  for (const item of codebook.items) expect(page).toContain(`<code>${item.id}</code>`);
  for (const scale of codebook.scales) expect(page).toContain(`| <code>${scale.id}</code> | ${scale.title_nl} |`);
  for (const [id, s] of Object.entries(codebook.response_scales)) for (const o of s.options) expect(page).toContain(`${o.code} = ${o.label}`), expect(page).toContain(`<code>${id}</code>`);
  // The codebook is the same whatever export the site is built from: it names no data source and no count.
  expect(page).not.toMatch(/gereconstrueerde antwoorden|\b107\b/);
  expect(page).toContain('<a href="./downloads">Downloads</a>');
  expect(page).not.toMatch(/\$\{/);
});

test("the examples the page gives for each identifier rule are caught by that rule", () => {
  for (const rule of DIRECT_IDENTIFIER_RULES) for (const example of rule.examples) expect(identifierByName(example)?.kind, example).toBe(rule.kind);
});
