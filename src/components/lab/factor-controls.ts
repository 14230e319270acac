// The factor page's controls, built with Observable Inputs (labels, keyboard use and view() come with them) and
// started from the setup in the URL. The factor count is flagged beside the control when the chosen number of
// factors leaves the model without degrees of freedom (not identified), with the largest number that is.
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {degreesOfFreedom, maxIdentifiedFactors} from "../stats/index.js";
import {formatCount} from "../format.js";
import type {FactorBlock} from "./factor-blocks.js";
import {FACTOR_RANGE, type CommonFactorMethod, type Rotation} from "./factor-setup.js";

export function blockInput(blocks: FactorBlock[], value: FactorBlock) {
  return Inputs.radio(blocks, {label: "Blok vragen", format: (d: FactorBlock) => d.label, value});
}

export function itemInput<T extends {id: string; label: string}>(items: T[], chosenIds: string[]) {
  return Inputs.checkbox(items, {label: "Vragen in de analyse", format: (d: T) => d.label, value: items.filter((i) => chosenIds.includes(i.id))});
}

const FLAG_ID = "factoren-identificatie";

export function factorCountInput(value: number) {
  const input = Inputs.range([FACTOR_RANGE.min, FACTOR_RANGE.max], {step: 1, value, label: "Aantal factoren"});
  // Inputs labels the number box only; the slider next to it needs its own name (WCAG 4.1.2). Both point to the
  // identification flag below the control, so a screen reader hears it with the control.
  input.querySelector("input[type=range]")!.setAttribute("aria-label", "Aantal factoren (schuifregelaar)");
  for (const box of input.querySelectorAll("input")) box.setAttribute("aria-describedby", FLAG_ID);
  return input;
}

export function methodInput(value: CommonFactorMethod) {
  return Inputs.select(new Map<string, CommonFactorMethod>([["Hoofdasfactoranalyse (principal axis)", "pa"], ["Minimale residuen (minres)", "minres"]]), {label: "Common-factormethode", value});
}

export function rotationInput(value: Rotation) {
  return Inputs.select(new Map<string, Rotation>([["varimax (orthogonaal)", "varimax"], ["oblimin (scheef)", "oblimin"]]), {label: "Rotatie", value});
}

/** The line under the factor count: degrees of freedom, and a warning when the model is not identified. */
export function identificationFlag(items: number, factors: number): HTMLElement {
  const df = degreesOfFreedom(items, factors);
  const max = maxIdentifiedFactors(items);
  const limit = max >= 1 ? `Met ${items} vragen kunnen hoogstens ${max} ${max === 1 ? "factor" : "factoren"}.` : `Met ${items} vragen is zelfs één factor niet geïdentificeerd; kies meer vragen.`;
  return df > 0
    ? html`<p id=${FLAG_ID} class="lab-flag" data-identified="true">${factors} ${factors === 1 ? "factor" : "factoren"} bij ${items} vragen: ${formatCount(df)} vrijheidsgraden.</p>`
    : html`<p id=${FLAG_ID} class="lab-flag lab-flag-invalid" data-identified="false"><strong>Niet geïdentificeerd:</strong> ${factors} ${factors === 1 ? "factor" : "factoren"} bij ${items} vragen laat ${formatCount(df)} vrijheidsgraden over. ${limit}</p>`;
}
