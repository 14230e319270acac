import {existsSync, readFileSync} from "node:fs";

/** Where a data set comes from; travels with it into every Parquet footer and onto every page. */
export interface Provenance {
  reconstructed: boolean;
  note_nl: string;
  note_en: string;
}

export const exportProvenance: Provenance = {
  reconstructed: false,
  note_nl: "Antwoorden uit een export van het enquêteprogramma.",
  note_en: "Responses from a survey tool export."
};

/** The sidecar `<export minus extension>.provenance.json`, if any, says how an export was made. */
export function provenancePath(exportFile: string): string {
  return exportFile.replace(/\.[^./\\]+$/, "") + ".provenance.json";
}

export function readProvenance(exportFile: string): Provenance {
  const path = provenancePath(exportFile);
  return existsSync(path) ? {...exportProvenance, ...JSON.parse(readFileSync(path, "utf8"))} : exportProvenance;
}

export function parquetMetadata(provenance: Provenance): Record<string, string> {
  return {
    "kennisverkenner.provenance": provenance.reconstructed ? "reconstructed" : "export",
    "kennisverkenner.note_nl": provenance.note_nl,
    "kennisverkenner.note_en": provenance.note_en,
    "kennisverkenner.source": "Rathenau Instituut (2022), Kennis voor lokaal beleid"
  };
}
