// The reconstructed responses: the engine (engine.ts) calibrated to the report's printed numbers (printed-targets.ts).
import type {Codebook} from "../codebook/codebook.ts";
import {calibrateToTargets} from "./engine.ts";
import type {PublishedTable} from "../../src/components/survey/survey-meta.ts";
import {printedTargets} from "./printed-targets.ts";
import {seed, type SizeClass} from "./design.ts";
import {seededRandom, type Random} from "./random.ts";

export interface ReconstructedRespondent {
  sourceId: string;
  sizeClass: SizeClass;
  role: "gemeentesecretaris" | "andere functie";
  functie: string | null;
  answers: Record<string, number | null>;
}

export interface Reconstruction {
  respondents: ReconstructedRespondent[];
  /** How many single answers calibration moved by one code, per published table column. */
  calibrationMoves: Record<string, number>;
  /** Latent class shifts per scale after pre-calibration (invented, reported in the lab). */
  classShifts: Record<string, Record<SizeClass, number>>;
}

/**
 * Draws 107 respondents from the latent factor model, applies the questionnaire's dropout and skips,
 * then calibrates each published scale so its size-class means and total round to the printed values.
 * Deterministic: the same seed gives the same respondents.
 */
export function reconstruct(codebook: Codebook, tables: PublishedTable[]): Reconstruction {
  const random = seededRandom(seed);
  const {respondents, answers, calibrationMoves, classShifts, misses} = calibrateToTargets(printedTargets(codebook, tables), {codebook, random});
  // The dropout plan is designed to give the printed n's and the printed means are GRIM-consistent: a miss is a bug.
  if (misses.length) throw new Error(`the reconstruction misses printed numbers: ${misses.join("; ")}`);
  const ids = uniqueSourceIds(respondents.length, random);
  const reconstructed = respondents.map((m, i) => ({
    sourceId: ids[i],
    sizeClass: m.sizeClass as SizeClass,
    role: m.role as ReconstructedRespondent["role"],
    functie: m.functie,
    answers: answers[m.index]
  }));
  return {respondents: random.shuffle(reconstructed), calibrationMoves, classShifts: classShifts as Reconstruction["classShifts"]};
}

/** Survey-tool style ids ("EAS-483920"), unique, in random order. */
function uniqueSourceIds(count: number, random: Random): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`EAS-${String(100000 + random.integer(900000))}`);
  return [...ids];
}
