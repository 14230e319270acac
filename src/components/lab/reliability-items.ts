// Per item of one scale: item-rest correlation, alpha without the item and its loading on the one factor; and the
// sentences on the two omegas and on the one-factor fits behind them.
import {html} from "htl";
import {dataTable} from "../story/figure.js";
import {formatNumber} from "../format.js";
import type {ScaleReliability} from "./reliability.js";

type Scale = {title: string; items: string[]};

export function scaleItemTable(d: ScaleReliability<Scale>, label: (id: string) => string): HTMLTableElement {
  return dataTable(`${d.scale.title}: per vraag`, ["Vraag", "Item-restcorrelatie", "Alfa zonder deze vraag", "Lading (één factor)"],
    d.scale.items.map((id, i) => [label(id), formatNumber(d.alpha.itemRest[i]), formatNumber(d.alpha.alphaIfDeleted[i]), d.omega ? formatNumber(d.omega.loadings[i]) : "–"]));
}

/** Which omega is which, with the scale where the two differ most as the example. */
export function omegaNote(example: ScaleReliability<Scale> | null): HTMLElement {
  const o = example?.omega;
  return html`<p class="lab-omega-note">${o
    ? html`Het grootste verschil zit bij <em>${example!.scale.title}</em>: omega ${formatNumber(o.omegaModel, 4)} met de modelvariantie, ${formatNumber(o.omegaObserved, 4)} met de waargenomen variantie (verschil ${formatNumber(Math.abs(o.omegaModel - o.omegaObserved), 4)}). Bij de andere schalen is het verschil kleiner.`
    : "Geen schaal heeft drie of meer vragen, dus er is geen omega."}</p>`;
}

/** Whether every one-factor fit behind an omega converged without Heywood cases; names the scales where not. */
export function oneFactorCheck(summary: ScaleReliability<Scale>[]): HTMLElement {
  const troubled = summary.filter((d) => d.omega && (!d.omega.solution.converged || d.omega.solution.heywood.length));
  return html`<p class="lab-diagnostics" data-status=${troubled.length ? "warning" : "ok"}><strong>Modelcontrole:</strong> ${troubled.length
    ? `het één-factormodel convergeerde niet of gaf een Heywood-geval bij ${troubled.map((d) => d.scale.title).join(", ")}; lees omega daar met argwaan.`
    : "alle één-factormodellen achter omega convergeerden, zonder Heywood-gevallen."}</p>`;
}
