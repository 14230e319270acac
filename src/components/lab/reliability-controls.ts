// The reliability page's scale picker, started from ?schaal= in the URL (unknown value: the first scale).
import * as Inputs from "@observablehq/inputs";
import {choiceParam} from "./url-state.js";

export const SCALE_PARAM = "schaal";

/** The scale id a query string asks for, or the first scale's. */
export function readScale(search: string, scaleIds: string[]): string {
  return choiceParam(search, SCALE_PARAM, scaleIds, scaleIds[0]);
}

/** The URL parameter for a chosen scale: null for the default (the first). */
export function scaleParams(scaleId: string, scaleIds: string[]): Record<string, string | null> {
  return {[SCALE_PARAM]: scaleId === scaleIds[0] ? null : scaleId};
}

export function scaleInput<T extends {scale: {id: string; title: string}}>(summary: T[], scaleId: string) {
  return Inputs.select(summary, {label: "Schaal", format: (d: T) => d.scale.title, value: summary.find((d) => d.scale.id === scaleId) ?? summary[0]});
}
