// Post-stratification gives each respondent of size class h the weight N_h / n_h (src/components/stats/
// post-stratification.ts): a size class with municipalities in the population but no respondent in the export cannot
// be represented, and every weighted figure would be wrong. Such an export is refused before its tables are made
// (and by npm run validate), with the class named, rather than failing inside the weighting.
import type {Codebook} from "../codebook/codebook.ts";
import {InputError, InputErrors} from "../input-error.ts";
import type {SurveyResponses} from "./survey-responses.ts";
import {stratumCounts} from "../../src/components/stats/post-stratification.ts";

/** The background variable whose values are the population's strata. */
const STRATUM_COLUMN = "size_class";

/** An error for every size class of the population that has no respondent in `counts` (respondents per class). */
function emptyStrataErrors(file: string, counts: Readonly<Record<string, number>>, codebook: Codebook): InputError[] {
  return Object.entries(codebook.population.size_class_counts)
    .filter(([sizeClass, population]) => population > 0 && !counts[sizeClass])
    .map(
      ([sizeClass, population]) =>
        new InputError({
          file,
          column: STRATUM_COLUMN,
          expected: `at least one respondent in every size class of the population (the weights N_h / n_h need one for each of ${Object.keys(codebook.population.size_class_counts).map((s) => JSON.stringify(s)).join(", ")})`,
          found: `no respondent with ${STRATUM_COLUMN} ${sizeClass} (${population} municipalities in the population)`,
          fix: `check the export's ${STRATUM_COLUMN} column (a mapping file can translate its values to the codebook's); the site cannot weight an export without respondents in a size class`
        })
    );
}

/** Throws InputErrors when a size class of the population has no respondent; `counts`: respondents per size class. */
export function requireStrata(file: string, counts: Readonly<Record<string, number>>, codebook: Codebook): void {
  const errors = emptyStrataErrors(file, counts, codebook);
  if (errors.length) throw new InputErrors(errors);
}

/** requireStrata for validated responses. */
export function requireEveryStratum(responses: SurveyResponses, codebook: Codebook): void {
  requireStrata(responses.file, stratumCounts(responses.respondents.map((r) => r.background[STRATUM_COLUMN] ?? "")), codebook);
}
