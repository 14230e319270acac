import {dataPhrase, SYNTHETIC_PHRASE, type DataProvenance} from "../../src/components/survey/provenance.ts";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The footer of every page (HTML): the source of the questions and, from the provenance record, of the answers. */
export function footerHtml(p: DataProvenance): string {
  const source = "Kennisverkenner · gebaseerd op Rathenau Instituut (2022), <i>Kennis voor lokaal beleid</i>.";
  if (p.publication === "protected")
    return `${source} <strong>Beschermde publicatie</strong>: de verhaalpagina's tonen beschermde tabellen uit ${escapeHtml(dataPhrase(p))} (${escapeHtml(p.readOn)}); SQL, notitieboek, methodelab en downloads werken met ${SYNTHETIC_PHRASE}. Geen antwoord van een gemeente staat op deze site.`;
  return p.source === "reconstructed"
    ? `${source} De getoonde antwoorden zijn <strong>gereconstrueerd</strong> uit de gepubliceerde cijfers; het zijn niet de echte enquêteantwoorden.`
    : `${source} Alle cijfers zijn berekend uit ${escapeHtml(dataPhrase(p))} (${escapeHtml(p.readOn)}).`;
}
