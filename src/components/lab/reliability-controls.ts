// The reliability page's scale picker, started from ?schaal= in the URL (unknown value: the first scale).
import * as Inputs from "@observablehq/inputs";
import {choiceParam, readUrlState, writeUrlState} from "./url-state.js";

export const SCALE_PARAM = "schaal";

const scaleSpec = (scaleIds: string[]) => ({scale: choiceParam(SCALE_PARAM, scaleIds, scaleIds[0])});

/** The scale id a query string asks for, or the first scale's. */
export function readScale(search: string, scaleIds: string[]): string {
  return readUrlState(scaleSpec(scaleIds), search).scale;
}

/** Puts the chosen scale into the address bar (left out for the first, the default). */
export function writeScale(scaleId: string, scaleIds: string[]): void {
  writeUrlState(scaleSpec(scaleIds), {scale: scaleId});
}

export function scaleInput<T extends {scale: {id: string; title: string}}>(summary: T[], scaleId: string) {
  return Inputs.select(summary, {label: "Schaal", format: (d: T) => d.scale.title, value: summary.find((d) => d.scale.id === scaleId) ?? summary[0]});
}
