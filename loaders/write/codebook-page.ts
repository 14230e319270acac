/**
 * Generates src/codebook.md (the site's codebook page, Dutch) from data/codebook.json, so the page never drifts
 * from the codebook: `npx tsx loaders/write/codebook-page.ts` rewrites it; test/write/codebook-page.test.ts
 * fails when the committed page is out of date.
 */
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {DIRECT_IDENTIFIER_RULES} from "../anonymise/policy.ts";
import type {Codebook} from "../codebook/codebook.ts";
import {loadCodebook} from "../codebook/load-codebook.ts";

export const codebookPagePath = fileURLToPath(new URL("../../src/codebook.md", import.meta.url));

/** Text safe inside a Markdown table cell in Framework (no HTML, no ${...} interpolation, no cell breaks). */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/\$/g, "&#36;").replace(/\n/g, " ");
const code = (s: string) => `<code>${esc(s)}</code>`;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "niet gepubliceerd. Samen met ..." without repeating the policy when the note starts with it. */
const policyText = (policy: keyof typeof policyNl, note?: string) => {
  const rest = note?.replace(new RegExp(`^${policyNl[policy]}[:.]?\\s*`, "i"), "");
  return rest ? `${policyNl[policy]}. ${esc(rest.charAt(0).toUpperCase() + rest.slice(1))}` : policyNl[policy];
};
const policyNl = {publish: "gepubliceerd", withhold: "niet gepubliceerd", pseudonymise: "vervangen door een pseudoniem"} as const;

export function codebookMarkdown(codebook: Codebook): string {
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines, "");
  const itemsOf = (scale: string) => codebook.items.filter((i) => i.scale === scale);
  p("---", "title: Codeboek", "---", "", "<!-- Gegenereerd uit data/codebook.json door loaders/write/codebook-page.ts; niet met de hand bewerken. -->");
  p("# Codeboek");
  p("<style>", "  /* Links in running text are underlined, not told apart by colour alone (WCAG 1.4.1). */", "  #observablehq-main p a { text-decoration: underline; }", "</style>");
  p(`<p class="data-notice">De vragen hieronder komen uit het rapport. Waar de antwoorden op deze site vandaan komen, staat bij <a href="./downloads">Downloads</a> en onderaan elke pagina.</p>`);
  p(
    `${esc(codebook.title)}. Bron: ${esc(codebook.source)}`,
    "",
    `Populatie: ${esc(lowerFirst(codebook.population.description ?? ""))} (${codebook.population.total} gemeenten). Elke vraag heeft een kolomnaam (de <em>id</em>) die terugkomt in de downloads (zie [Downloads](./downloads)): in <code>respondents.csv</code>, <code>respondents.parquet</code> en als variabelenaam in <code>kennisverkenner.sav</code>. Waar het rapport een formulering of antwoordschaal niet afdrukt, is die gereconstrueerd en staat dat erbij.`
  );

  p("## Achtergrondvariabelen");
  p("| id | Vraag | Waarden | Publicatie |", "|---|---|---|---|",
    [
      `| ${code(codebook.identifier.id)} | ${esc(codebook.identifier.text_nl ?? "")} | | ${policyText(codebook.identifier.policy, codebook.identifier.policy_note)} |`,
      ...codebook.background.map((b) => `| ${code(b.id)} | ${esc(b.text_nl)}${b.required ? "" : " (niet verplicht)"} | ${b.values.map(code).join(", ")} | ${policyText(b.policy, b.policy_note)} |`)
    ].join("\n"));

  p("## Antwoordschalen");
  p("| Antwoordschaal | Codes en labels | Opmerking |", "|---|---|---|",
    Object.entries(codebook.response_scales).map(([id, s]) => `| ${code(id)} | ${s.options.map((o) => `${o.code} = ${esc(o.label)}`).join("; ")} | ${s.reconstructed ? `gereconstrueerd${s.reconstructed_note ? `: ${esc(s.reconstructed_note)}` : ""}` : ""} |`).join("\n"));

  p("## Schaalscores");
  p("Een schaalscore is het gemiddelde van de vragen van de schaal, alleen als ze alle beantwoord zijn; anders is de score leeg. Met die regel volgen de aantallen (n) in de tabellen van het rapport.");
  p("| id | Schaal | Tabel in het rapport | Vragen |", "|---|---|---|---|",
    codebook.scales.map((s) => `| ${code(s.id)} | ${esc(s.title_nl)} | ${esc(s.table)} | ${itemsOf(s.id).map((i) => code(i.id)).join(", ")} |`).join("\n"));

  p("## Vragen per paragraaf");
  for (const section of codebook.sections) {
    const items = codebook.items.filter((i) => i.section === section.id);
    if (!items.length) continue;
    p(`### ${esc(section.id)} ${esc(section.title_nl)}`);
    p(`${esc(section.stem_nl)}${section.stem_reconstructed ? " <em>(vraagstelling gereconstrueerd)</em>" : ""}${[section.box, ...(section.figures ?? []), ...(section.tables ?? [])].filter(Boolean).length ? ` — in het rapport: ${[section.box, ...(section.figures ?? []), ...(section.tables ?? [])].filter(Boolean).map((x) => esc(x!)).join(", ")}.` : ""}`);
    p("| id | Vraag | English | Antwoordschaal | Schaal |", "|---|---|---|---|---|",
      items.map((i) => `| ${code(i.id)} | ${esc(i.text_nl)}${i.text_reconstructed ? " <em>(formulering gereconstrueerd)</em>" : ""} | ${esc(i.label_en)} | ${code(i.response_scale)} | ${i.scale ? code(i.scale) : ""} |`).join("\n"));
  }

  p("## Wat niet wordt gepubliceerd");
  p(
    "Voordat iets op deze site komt, haalt de pijplijn (<code>loaders/anonymise/</code>) directe identificatoren uit een export, herkend aan de kolomnaam of aan de inhoud van de cellen (cellen die op e-mail- of IP-adressen, tijdstempels of lange vrije tekst lijken):",
    "",
    "| Soort | Waarom | Voorbeelden van kolomnamen |",
    "|---|---|---|",
    DIRECT_IDENTIFIER_RULES.map((r) => `| ${esc(r.label_nl)} | ${esc(r.reason_nl)} | ${r.examples.map(code).join(", ")} |`).join("\n"),
    "",
    "Daarna geldt een k-anonimiteitstoets op de quasi-identificatoren (gemeentegrootte, functie en een eventuele regiovariabele): elke combinatie moet minstens 5 respondenten tellen, anders weigert de pijplijn te publiceren tot de indeling grover is gemaakt. Grafieken en tabellen tonen geen groep van minder dan 5 respondenten."
  );
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(codebookPagePath, codebookMarkdown(loadCodebook()));
  console.error(`wrote ${codebookPagePath}`);
}
