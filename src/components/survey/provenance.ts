// Where the data on the site come from. The pipeline writes this record once per build (loaders/pipeline/
// site-provenance.ts); every sentence about the data's origin, every count of respondents and whether the report's
// printed numbers are shown beside the recomputed ones follow from it, so a site built from a publisher's own export
// never calls its data reconstructed and never shows another data set's counts.
import {MIN_GROUP_SIZE} from "../stats/suppression.js";

/** "reconstructed": the project's responses calibrated to the report; "export": a publisher's own survey export. */
export type DataSource = "reconstructed" | "export";

/** "open": microdata are published; "protected": only protected tables and synthetic microdata leave the build. */
export type PublicationMode = "open" | "protected";

export interface DataProvenance {
  source: DataSource;
  /** The export's file name (no folders: the publisher's paths stay private). */
  fileName: string;
  /** SHA-256 of the export's bytes and, when given, the mapping file's. */
  checksum: string;
  /** Day the site's data were read (YYYY-MM-DD). */
  readOn: string;
  /** Respondents in the published data (in protected publication without the hidden size classes). */
  respondents: number;
  /** Respondents per size class, in the codebook's order (in protected publication without the hidden size classes). */
  sizeClassCounts: Record<string, number>;
  /**
   * Protected publication: size classes with fewer than 5 respondents, hidden in every table and left out of every
   * count (a count, or a total that includes them, would give their number). Absent when there are none.
   */
  hiddenSizeClasses?: string[];
  /**
   * Protected publication with hidden size classes: the rows of the published respondents files (the synthetic rows of
   * the hidden classes included, see hiddenRowsNote). Absent when it equals `respondents`.
   */
  rows?: number;
  /**
   * Protected publication: size classes the story does not show per role for every question and scale (a role had,
   * or gave, 1-4 answers). The synthetic responses split them by role anyway, so per-role numbers for them in SQL and
   * the notebook are model outcomes there, not published numbers. Absent when there are none.
   */
  syntheticRoleSplits?: string[];
  /** Respondents per role. */
  roleCounts: Record<string, number>;
  publication: PublicationMode;
  /** Show the report's printed numbers beside the recomputed ones (the reconstruction, or by explicit choice). */
  showPrinted: boolean;
  /** A publisher's stated reason for publishing groups under the k-anonymity threshold, or null. */
  kAnonymityOverride: string | null;
  note_nl: string;
  note_en: string;
}

/**
 * "de gereconstrueerde antwoorden van 107 gemeenten" / "de antwoorden van 100 gemeenten uit export.sav" / (protected,
 * a hidden size class) "de antwoorden van 92 gemeenten uit export.sav en van minder dan 5 gemeenten met
 * 50.001-100.000 inwoners, die nergens worden getoond of meegeteld".
 */
export function dataPhrase(p: DataProvenance): string {
  const hidden = p.hiddenSizeClasses?.length ? ` ${hiddenPhrase(p.hiddenSizeClasses)}, die nergens worden getoond of meegeteld` : "";
  return p.source === "reconstructed"
    ? `de gereconstrueerde antwoorden van ${p.respondents} gemeenten${hidden}`
    : `de antwoorden van ${p.respondents} gemeenten uit ${p.fileName}${hidden}`;
}

/** "en van minder dan 5 gemeenten met 50.001-100.000 inwoners" / "en van minder dan 5 gemeenten in elk van de klassen <25.000 en >100.000". */
function hiddenPhrase(classes: readonly string[]): string {
  if (classes.length === 1) return `en van minder dan 5 gemeenten met ${classes[0]} inwoners`;
  return `en van minder dan 5 gemeenten in elk van de klassen ${classes.slice(0, -1).join(", ")} en ${classes[classes.length - 1]}`;
}

/** What synthetic microdata are called wherever they are shown or downloaded. */
export const SYNTHETIC_PHRASE = "synthetische antwoorden, gekalibreerd op de gepubliceerde tabellen";

/**
 * What a page computes from: "microdata" (the respondents table: SQL, notebook, lab, downloads) or "tables" (the
 * story, which in protected mode reads the protected tables).
 */
export type DataView = "microdata" | "tables";

/**
 * One sentence for the top of every page that shows data (and, where the publisher chose so, the k-anonymity
 * override). In protected publication mode it says which of the two the page shows: the real aggregates as protected
 * tables, or synthetic responses calibrated to them.
 */
export function dataNotice(p: DataProvenance, view: DataView = "microdata"): string {
  const origin = p.publication === "protected" ? protectedNotice(p, view) : p.source === "reconstructed"
    ? `Alle cijfers op deze pagina zijn berekend uit ${dataPhrase(p)}: niet de echte antwoorden (die zijn niet openbaar), maar een reconstructie die de gepubliceerde cijfers van het rapport reproduceert.`
    : `Alle cijfers op deze pagina zijn berekend uit ${dataPhrase(p)} (export van ${p.readOn}).`;
  return p.kAnonymityOverride ? `${origin} ${kAnonymityNotice(p.kAnonymityOverride)}` : origin;
}

/** The notice of a protected build: no record of a respondent is published, in either view. */
export function protectedNotice(p: DataProvenance, view: DataView): string {
  return view === "tables"
    ? `Beschermde publicatie: alle cijfers op deze pagina zijn beschermde tabellen, berekend uit ${dataPhrase(p)}; groepen van minder dan vijf gemeenten, en wat daaruit terug te rekenen is, zijn weggelaten. Geen antwoord van een gemeente staat op deze site.`
    : `Beschermde publicatie: de gegevens op deze pagina zijn ${SYNTHETIC_PHRASE} van ${dataPhrase(p)}. Elk gepubliceerd cijfer volgt er precies uit, maar geen rij is een echte gemeente; verbanden die de tabellen niet tonen zijn modeluitkomsten.${hiddenRowsNote(p)}${roleSplitNote(p)}`;
}

/**
 * Protected publication: the synthetic rows of a size class with fewer than 5 respondents, whose number is chosen
 * (MIN_GROUP_SIZE, loaders/protect/protect-data.ts) so that it says nothing about the real one.
 */
export function hiddenRowsNote(p: DataProvenance): string {
  const classes = p.hiddenSizeClasses ?? [];
  if (!classes.length) return "";
  const which = classes.length === 1 ? `gemeenten met ${classes[0]} inwoners` : `elk van de klassen ${classes.slice(0, -1).join(", ")} en ${classes[classes.length - 1]}`;
  return ` Voor ${which} bevatten de synthetische antwoorden ${MIN_GROUP_SIZE} rijen: een gekozen aantal, zodat het echte nergens uit volgt; hun antwoorden volgen de andere gemeenten en zijn modeluitkomsten.`;
}

/**
 * Protected publication: where the synthetic rows show groups the story hides. Said rather than blanked: a reader's
 * own query (a GROUP BY, avg()) would show them anyway, so blanking them in the example queries or the survey
 * functions alone would suggest they are protected everywhere; the reader needs to know what those numbers are.
 */
export function roleSplitNote(p: DataProvenance): string {
  const classes = p.syntheticRoleSplits ?? [];
  if (!classes.length) return "";
  const which = classes.length === 1 ? classes[0] : `${classes.slice(0, -1).join(", ")} en ${classes[classes.length - 1]}`;
  return ` Het verhaal toont gemeenten met ${which} inwoners niet bij elke vraag per functie (ergens had of gaf een functie er minder dan vijf antwoorden); de synthetische antwoorden verdelen ze toch over de functies. Cijfers per functie voor die gemeenten, ook uit de voorbeeldquery's, zijn daar modeluitkomsten, geen gepubliceerde cijfers.`;
}

/**
 * What the rows a reader queries are (the SQL workbench and the notebook), completing "dit zijn …": in protected
 * publication the synthetic responses, else the reconstruction or the publisher's export.
 */
export function queryDataOrigin(p: DataProvenance): string {
  if (p.publication === "protected") return `${SYNTHETIC_PHRASE} van ${dataPhrase(p)} (beschermde publicatie): elk cijfer van het verhaal volgt er precies uit, maar geen rij is een echte gemeente.${hiddenRowsNote(p)}${roleSplitNote(p)}`;
  if (p.source === "reconstructed") return `${dataPhrase(p)}, teruggerekend uit de gepubliceerde cijfers van het Rathenau Instituut (2022). Het zijn niet de echte antwoorden van de gemeenten.`;
  return `${dataPhrase(p)} (${p.readOn}).`;
}

/** What the site says when its publisher published groups of fewer than five respondents on purpose. */
export function kAnonymityNotice(reason: string): string {
  return `Let op: de uitgever publiceert ook combinaties van gemeentegrootte en functie met minder dan vijf respondenten, met deze reden: „${reason}".`;
}
