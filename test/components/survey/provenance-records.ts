// Two provenance records the survey-layer tests share: the reconstruction (107 respondents) and a publisher's own
// export (100 respondents, gemeenten.sav), both in open publication.
import type {DataProvenance} from "../../../src/components/survey/provenance.ts";

export const reconstructed: DataProvenance = {
  source: "reconstructed", fileName: "responses.csv", checksum: "x", readOn: "2026-12-01", respondents: 107,
  sizeClassCounts: {}, roleCounts: {}, publication: "open", showPrinted: true, kAnonymityOverride: null, note_nl: "", note_en: ""
};

export const own: DataProvenance = {...reconstructed, source: "export", fileName: "gemeenten.sav", respondents: 100, showPrinted: false};
