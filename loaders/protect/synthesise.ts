// Synthetic microdata for protected publication mode: the calibration engine (loaders/reconstruct/engine.ts, the
// reconstruction's latent factor model) with the protected tables as its targets (protected-targets.ts), never the
// real records. Every number the tables show comes out of them exactly; correlations between items and scales are
// properties of the model, like the reconstruction's.
import type {Codebook} from "../codebook/codebook.ts";
import {calibrateToTargets} from "../reconstruct/engine.ts";
import {seededRandom} from "../reconstruct/random.ts";
import type {SurveyResponses} from "../validate/survey-responses.ts";
import type {ProtectedTables} from "../../src/components/story/engine-tables.ts";
import {protectedTargets} from "./protected-targets.ts";

/** The seed of the synthetic draw (the reconstruction's seed plus one: a different draw from the same model). */
export const SYNTHETIC_SEED = 20220616;

export interface Synthesis {
  responses: SurveyResponses;
  /** Groups whose published numbers could not be met exactly (empty when everything was reproduced). */
  misses: string[];
}

export function synthesise({tables, codebook, sizeClassCounts, seed = SYNTHETIC_SEED}: {
  tables: ProtectedTables;
  codebook: Codebook;
  /** Respondents per size class (the weighting's strata). */
  sizeClassCounts: Record<string, number>;
  seed?: number;
}): Synthesis {
  const random = seededRandom(seed);
  const {respondents, answers, misses} = calibrateToTargets(protectedTargets({tables, codebook, sizeClassCounts}), {codebook, random});
  const order = random.shuffle(respondents);
  return {
    responses: {
      file: "synthetisch",
      respondents: order.map((m, i) => ({
        line: i + 1,
        sourceId: `S${String(i + 1).padStart(4, "0")}`,
        background: {size_class: m.sizeClass, role: m.role, functie: null},
        answers: answers[m.index]
      }))
    },
    misses
  };
}
