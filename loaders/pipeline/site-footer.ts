import {dataPhrase, type DataProvenance} from "../../src/components/survey/provenance.ts";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The footer of every page (HTML): the source of the questions and, from the provenance record, of the answers. */
export function footerHtml(p: DataProvenance): string {
  const source = "Kennisverkenner · gebaseerd op Rathenau Instituut (2022), <i>Kennis voor lokaal beleid</i>.";
  return p.source === "reconstructed"
    ? `${source} De getoonde antwoorden zijn <strong>gereconstrueerd</strong> uit de gepubliceerde cijfers; het zijn niet de echte enquêteantwoorden.`
    : `${source} Alle cijfers zijn berekend uit ${escapeHtml(dataPhrase(p))} (${escapeHtml(p.readOn)}).`;
}
