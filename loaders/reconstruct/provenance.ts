import type {Provenance} from "../pipeline/provenance.ts";

/** Said wherever the reconstructed responses are shown. */
export const reconstructedProvenance: Provenance = {
  reconstructed: true,
  note_nl:
    "Gereconstrueerde antwoorden, niet de echte: de 107 antwoorden van de enquête zijn niet openbaar. Deze antwoorden zijn getrokken uit een model met latente factoren en zo gekalibreerd dat elk getal dat het rapport afdrukt er precies uit volgt. Andere uitkomsten (verbanden tussen vragen, kruistabellen) zijn modeluitkomsten, geen bevindingen over gemeenten.",
  note_en:
    "Reconstructed responses, not the real ones: the survey's 107 responses are not public. These were drawn from a latent factor model and calibrated so that every number the report prints follows from them exactly. Anything else (correlations, crosstabs) is a property of the model, not a finding about municipalities."
};
