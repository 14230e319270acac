/**
 * What may never be published. The codebook says, per background variable, publish / withhold / pseudonymise
 * (data/codebook.json: `policy`). Columns a survey tool adds that the codebook does not know are judged by this
 * documented list: by name, and by content (a cell that looks like an e-mail or IP address, a timestamp, or long
 * free text), so a renamed column ("Q_email", "Vraag 12 toelichting") is caught as well.
 *
 * | kind            | dropped because                                     | e.g. column names                          |
 * |-----------------|-----------------------------------------------------|--------------------------------------------|
 * | municipality    | names the municipality: the respondent itself        | gemeente, gemeentenaam, gemeentecode, cbs_code |
 * | name            | names the person who answered                        | naam, respondent_naam, contactpersoon       |
 * | email           | reaches the person                                   | email, e-mailadres                          |
 * | phone           | reaches the person                                   | telefoon, telefoonnummer                    |
 * | ip              | locates the device                                   | ip, ip_adres, ipaddress                     |
 * | timestamp       | with the sample list, links an answer to a person    | startdatum, einddatum, submitdate, tijdstip |
 * | free_text       | people name themselves, colleagues and places        | toelichting, opmerking, *_anders, *_open    |
 *
 * Region variables (provincie, regio, landsdeel, ...) are not dropped but are quasi-identifiers: they join
 * size class and role in the k-anonymity check (k-anonymity.ts).
 */
export type IdentifierKind = "municipality" | "name" | "email" | "phone" | "ip" | "timestamp" | "free_text";

export interface IdentifierRule {
  kind: IdentifierKind;
  label_nl: string;
  reason_nl: string;
  /** Column names this rule catches, for people (the codebook page); `names` is what the code uses. */
  examples: string[];
  names: RegExp[];
}

export const DIRECT_IDENTIFIER_RULES: IdentifierRule[] = [
  {kind: "municipality", label_nl: "gemeente", examples: ["gemeente", "gemeentenaam", "gemeentecode", "cbs_code", "organisatie"], reason_nl: "noemt de gemeente, en daarmee de respondent", names: [/^(gemeente|gemeentenaam|gemeente_?naam|gemeentecode|gemeente_?code|gm_?code|cbs_?code|municipality(_?name|_?code)?|organisatie|organisation|organization)$/i]},
  {kind: "name", label_nl: "naam", examples: ["naam", "respondent_naam", "voornaam", "contactpersoon"], reason_nl: "noemt de persoon die antwoordde", names: [/^(naam|respondent_?naam|voornaam|achternaam|name|full_?name|first_?name|last_?name|contactpersoon|contact_?person)$/i]},
  {kind: "email", label_nl: "e-mailadres", examples: ["email", "e-mailadres", "Q_email"], reason_nl: "e-mailadres", names: [/e-?mail/i]},
  {kind: "phone", label_nl: "telefoonnummer", examples: ["telefoon", "telefoonnummer", "mobiel"], reason_nl: "telefoonnummer", names: [/^(telefoon(nummer)?|tel|phone(_?number)?|mobiel)$/i]},
  {kind: "ip", label_nl: "IP-adres", examples: ["ip", "ip_adres", "ipaddress"], reason_nl: "IP-adres", names: [/^(ip|ip_?adres|ip_?address|ipaddress|remote_?addr)$/i]},
  {kind: "timestamp", label_nl: "tijdstempel", examples: ["startdatum", "einddatum", "submitdate", "tijdstip", "duur"], reason_nl: "tijdstempel van het invullen", names: [/^(start|eind|end|submit|begin|invul)_?(datum|date|tijd|time|tijdstip)$/i, /^(timestamp|tijdstip|datum|date|datetime|ingevuld_?op|created_?at|submitted_?at|startdate|enddate|submitdate|recorded_?date|duur|duration)$/i]},
  {kind: "free_text", label_nl: "vrije tekst", examples: ["toelichting", "opmerkingen", "vraag12_anders", "vraag7_open"], reason_nl: "vrije tekst", names: [/^(toelichting|opmerking(en)?|vrije_?tekst|comments?|remarks?|open_?antwoord|anders_?namelijk)$/i, /[_ ](toelichting|anders|open|tekst|text|opmerking)$/i]}
];

/** Column names of region variables: quasi-identifiers. */
export const REGION_NAMES = /^(provincie|province|regio|region|landsdeel|veiligheidsregio|ggd_?regio|arbeidsmarktregio|corop(_?gebied)?)$/i;

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|^\d{1,2}[-/]\d{1,2}[-/]\d{4} \d{1,2}:\d{2}/;

/** Which kind of direct identifier a column's cells look like, if any (at least one cell, and most non-empty cells, must match). */
export function identifierByContent(cells: string[]): IdentifierKind | undefined {
  const values = cells.filter((c) => c !== "");
  if (!values.length) return undefined;
  const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  if (share((v) => EMAIL.test(v)) > 0.5) return "email";
  if (share((v) => (IPV4.test(v) && v.split(".").every((p) => Number(p) <= 255)) || IPV6.test(v)) > 0.5) return "ip";
  if (share((v) => TIMESTAMP.test(v)) > 0.5) return "timestamp";
  // free text: words and spaces, long answers
  if (values.some((v) => v.length > 60 && /\s/.test(v)) || share((v) => v.split(/\s+/).length >= 4) > 0.3) return "free_text";
  return undefined;
}

export function identifierByName(name: string): IdentifierRule | undefined {
  return DIRECT_IDENTIFIER_RULES.find((rule) => rule.names.some((re) => re.test(name.trim())));
}
