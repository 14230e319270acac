import {existsSync, readFileSync} from "node:fs";
import type {DataProvenance} from "../../src/components/survey/provenance.ts";

/** Where a data set comes from, as its sidecar file says; travels with it into every Parquet footer. */
export interface Provenance {
  reconstructed: boolean;
  note_nl: string;
  note_en: string;
  /** Day the data were made (YYYY-MM-DD), when the sidecar says so. */
  made_on?: string;
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

/**
 * Key-value metadata for every Parquet footer. With the site's provenance record, the footer also names the export
 * file, its checksum, the day and the counts, so a Parquet file downloaded alone still says what it holds.
 */
export function parquetMetadata(provenance: Provenance, record?: DataProvenance): Record<string, string> {
  const source = record ? record.source : provenance.reconstructed ? "reconstructed" : "export";
  return {
    "kennisverkenner.provenance": source,
    "kennisverkenner.note_nl": provenance.note_nl,
    "kennisverkenner.note_en": provenance.note_en,
    ...(record && {
      "kennisverkenner.file": record.fileName,
      "kennisverkenner.sha256": record.checksum,
      "kennisverkenner.read_on": record.readOn,
      "kennisverkenner.respondents": String(record.respondents),
      "kennisverkenner.publication": record.publication
    }),
    "kennisverkenner.source": "Rathenau Instituut (2022), Kennis voor lokaal beleid"
  };
}
