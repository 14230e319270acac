// The publication mode of a build (KV_PUBLICATION), chosen by the publisher beside KV_EXPORT:
//   open       the microdata are published (Parquet, CSV, .sav, zip), with the k-anonymity check: right for the
//              reconstructed responses and for data cleared for release.
//   protected  no record of a real respondent leaves the build: the story reads protected tables, SQL, the notebook,
//              the lab and the downloads get synthetic responses calibrated to those tables.
// Unset: open for the reconstruction, protected for any other export (a real export is private until said otherwise).
import type {PublicationMode} from "../../src/components/survey/provenance.ts";
import {InputError} from "../input-error.ts";

/** KV_PUBLICATION as given (undefined when unset or empty); anything else than open/protected is an InputError. */
export function publicationSetting(env: Record<string, string | undefined> = process.env): PublicationMode | undefined {
  const value = env.KV_PUBLICATION;
  if (value === undefined || value === "") return undefined;
  if (value !== "open" && value !== "protected")
    throw new InputError({file: "environment variable KV_PUBLICATION", expected: "open (publish the responses) or protected (publish protected tables and synthetic responses only)", found: value, fix: "leave KV_PUBLICATION unset for the default (open for the reconstruction, protected for an export)"});
  return value;
}

/** The mode of a build: the setting, else open for the reconstruction and protected for a real export. */
export function publicationMode(setting: PublicationMode | undefined, reconstructed: boolean): PublicationMode {
  return setting ?? (reconstructed ? "open" : "protected");
}

/**
 * The k of the k-anonymity check an export must pass in a mode: open publication refuses groups under 5 (the
 * microdata are published); protected publication publishes no record, so it takes them and hides them in the tables
 * (primary and secondary suppression) instead.
 */
export function kAnonymityOf(mode: PublicationMode): {k?: number} {
  return mode === "protected" ? {k: 1} : {};
}
