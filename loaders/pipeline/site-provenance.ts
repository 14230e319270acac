import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {SYNTHETIC_PHRASE, type DataProvenance} from "../../src/components/survey/provenance.ts";
import type {Codebook} from "../codebook/codebook.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import type {Provenance} from "./provenance.ts";

/** SHA-256 over the export's bytes and, when there is one, the mapping file's: the data's identity. */
export function exportChecksum(exportFile: string, mappingFile?: string): string {
  const hash = createHash("sha256").update(readFileSync(exportFile));
  if (mappingFile) hash.update("\u0000mapping\u0000").update(readFileSync(mappingFile));
  return hash.digest("hex");
}

/**
 * The provenance record of the data a site is built from: counts from the validated responses, origin from the
 * export's sidecar (`<export>.provenance.json`, which the reconstruction writes). `readOn` is given by the caller
 * (site-data.ts: a day that follows from the input, so identical input gives an identical site).
 */
export function siteProvenance(
  {exportFile, mappingFile, responses, codebook, sidecar, readOn, kAnonymityOverride = null}:
  {exportFile: string; mappingFile?: string; responses: SurveyResponses; codebook: Codebook; sidecar: Provenance; readOn: string; kAnonymityOverride?: string | null}
): DataProvenance {
  const countBy = (variable: string, values: string[]) => {
    const counts = Object.fromEntries(values.map((v) => [v, 0]));
    for (const r of responses.respondents) {
      const v = r.background[variable];
      if (v !== null && v !== undefined) counts[v] = (counts[v] ?? 0) + 1;
    }
    return counts;
  };
  const valuesOf = (id: string) => codebook.background.find((b) => b.id === id)?.values ?? [];
  const reconstructed = sidecar.reconstructed;
  return {
    source: reconstructed ? "reconstructed" : "export",
    fileName: basename(exportFile),
    checksum: exportChecksum(exportFile, mappingFile),
    readOn,
    respondents: responses.respondents.length,
    sizeClassCounts: countBy("size_class", valuesOf("size_class")),
    roleCounts: countBy("role", valuesOf("role")),
    publication: "open",
    showPrinted: reconstructed,
    kAnonymityOverride,
    note_nl: sidecar.note_nl,
    note_en: sidecar.note_en
  };
}

/** What the published files hold, in one Dutch and one English sentence (the .sav documents, datapackage.json). */
export function dataStatement(p: DataProvenance): {nl: string; en: string} {
  if (p.publication === "protected")
    return {
      nl: `Beschermde publicatie: ${SYNTHETIC_PHRASE} van ${p.respondents} gemeenten uit de export ${p.fileName} (${p.readOn}; SHA-256 ${p.checksum}). Elk gepubliceerd cijfer volgt er precies uit, maar geen rij is een echte gemeente.`,
      en: `Protected publication: synthetic responses, calibrated to the published tables of ${p.respondents} municipalities from the export ${p.fileName} (${p.readOn}; SHA-256 ${p.checksum}). Every published number follows from them exactly, but no row is a real municipality.`
    };
  if (p.source === "reconstructed")
    return {
      nl: `Gereconstrueerde antwoorden, niet de echte: de ${p.respondents} antwoorden op de enquête van het Rathenau Instituut (2021) zijn niet openbaar. Deze zijn zo gemaakt dat elk gepubliceerd getal eruit volgt.`,
      en: `Reconstructed responses, not the real ones: the ${p.respondents} responses to the Rathenau Instituut survey (2021) are not public. These were made so that every published number follows from them.`
    };
  return {
    nl: `Open publicatie: antwoorden van ${p.respondents} gemeenten uit de export ${p.fileName} (${p.readOn}; SHA-256 ${p.checksum}).`,
    en: `Open publication: responses of ${p.respondents} municipalities from the export ${p.fileName} (${p.readOn}; SHA-256 ${p.checksum}).`
  };
}
