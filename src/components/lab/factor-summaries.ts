// The factor page's sentences that carry computed numbers: sampling adequacy (KMO, Bartlett), the number of factors
// parallel analysis suggests, and how PCA and the common-factor model compare. Built with htl (values are escaped).
import {html} from "htl";
import {formatNumber} from "../format.js";
import type {Bartlett, Kmo, ParallelAnalysis, Mat} from "../stats/index.js";

export function samplingAdequacy(kmo: Kmo, bartlett: Bartlett, labels: string[]): HTMLElement {
  const lowest = Math.min(...kmo.perItem);
  const p = bartlett.p < 0.001 ? "< 0,001" : `= ${formatNumber(bartlett.p, 3)}`;
  return html`<p>De <strong>KMO-maat</strong> is <span data-testid="kmo">${formatNumber(kmo.overall)}</span> (boven 0,60 is redelijk, boven 0,80 goed) en <strong>Bartletts toets</strong> geeft χ² = ${formatNumber(bartlett.chiSquare, 1)} bij ${bartlett.df} vrijheidsgraden, p ${p}: ${bartlett.p < 0.05 ? "de vragen hangen samen, er valt iets te factoriseren" : "de vragen hangen niet aantoonbaar samen"}. De laagste KMO per vraag: ${labels[kmo.perItem.indexOf(lowest)]} (${formatNumber(lowest)}).</p>`;
}

export function factorCountAdvice(parallel: ParallelAnalysis): HTMLElement {
  const c = parallel.suggestedComponents;
  const f = parallel.suggestedFactors;
  const kaiser = parallel.observed.filter((v) => v > 1).length;
  return html`<p>Parallelle analyse suggereert <strong>${c}</strong> ${c === 1 ? "component" : "componenten"} (en ${f} common factor${f === 1 ? "" : "en"} op de gereduceerde matrix). Het Kaiser-criterium (eigenwaarde > 1), dat SPSS standaard gebruikt, geeft ${kaiser}.</p>`;
}

const meanAbs = (m: Mat) => m.flat().reduce((s, v) => s + Math.abs(v), 0) / m.flat().length;
const range = (xs: number[]) => `${formatNumber(Math.min(...xs))} tot ${formatNumber(Math.max(...xs))}`;

export function pcaVersusCommon({pca, common, phi, factors}: {pca: {loadings: Mat; communalities: number[]}; common: {loadings: Mat; communalities: number[]}; phi?: Mat; factors: number}): HTMLElement {
  return html`<div>
    ${phi ? html`<p>Bij oblimin mogen de factoren correleren: de correlatie tussen F1 en F2 is ${formatNumber(phi[0][1])}. Bij varimax is die per definitie 0.</p>` : null}
    <p>Gemiddelde absolute lading: PCA ${formatNumber(meanAbs(pca.loadings))}, common factor ${formatNumber(meanAbs(common.loadings))}. Communaliteiten (gedeelde variantie per vraag) in het common-factormodel lopen van ${range(common.communalities)}; in PCA met ${factors} ${factors === 1 ? "component" : "componenten"} van ${range(pca.communalities)}.</p>
  </div>`;
}

export function tooFewItems(): HTMLElement {
  return html`<p class="lab-warning" role="status">Kies minstens drie vragen; er moeten meer respondenten dan vragen overblijven.</p>`;
}

/** A link to this page with a given setup query ("?blok=extern", from factorSetupQuery): it opens with exactly that analysis. */
export function setupLink(query: string, text: string): HTMLAnchorElement {
  return html`<a href=${query}>${text}</a>`;
}
