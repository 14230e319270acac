// What the reader must know before reading a factor solution, in plain Dutch: is the model identified (degrees of
// freedom), did the estimation and the rotation converge, are there Heywood cases? And if not, what to try instead.
// diagnoseModel is pure (tested in node); modelDiagnostics renders it beside the figure.
import {html} from "htl";
import {maxIdentifiedFactors, MINRES_COMMUNALITY_BOUND, type HeywoodCase} from "../stats/index.js";
import {formatCount, formatNumber} from "../format.js";
import type {RotatedSolution} from "./factor-model.js";

export interface ModelDiagnosis {
  /** "ok": nothing found; "warning": shown numbers are not a proper solution; "invalid": not identified. */
  status: "ok" | "warning" | "invalid";
  /** One sentence on identification, convergence and Heywood cases, also when all is well. */
  summary: string;
  /** One sentence per problem. */
  problems: string[];
  /** What to try instead (null when all is well). */
  advice: string | null;
}

const METHOD_NAMES: Record<string, string> = {pca: "hoofdcomponentenanalyse", pa: "hoofdasfactoranalyse", minres: "minres"};

const listItems = (cases: HeywoodCase[], labels: string[], value: (c: HeywoodCase) => number) =>
  cases.slice().sort((a, b) => value(b) - value(a)).map((c) => `${labels[c.item]} (${formatNumber(value(c))})`).join(", ");

const ofKind = (cases: HeywoodCase[], kind: HeywoodCase["kind"]) => cases.filter((c) => c.kind === kind);

/** `labels`: the items' short labels, in the rows' order. */
export function diagnoseModel(solution: RotatedSolution, labels: string[]): ModelDiagnosis {
  const {extraction, heywood} = solution;
  const p = extraction.loadings.length;
  const m = extraction.loadings[0]?.length ?? 0;
  const df = extraction.degreesOfFreedom;
  const maxFactors = maxIdentifiedFactors(p);
  const method = METHOD_NAMES[extraction.method];
  const isPca = extraction.method === "pca";
  const problems: string[] = [];

  const notIdentified = !isPca && df <= 0;
  if (notIdentified) {
    const why = df === 0
      ? "er zijn precies evenveel ladingen te schatten als er correlaties zijn. Zo'n model past altijd, toetst dus niets, en welke ladingen eruit komen is toeval van de schatting"
      : "er zijn meer ladingen te schatten dan er correlaties zijn. Er zijn dan oneindig veel oplossingen die even goed passen";
    problems.push(`Met ${m} ${m === 1 ? "factor" : "factoren"} bij ${p} vragen heeft het model ${formatCount(df)} vrijheidsgraden: ${why}. Het model is niet geïdentificeerd; de ladingen zeggen niets.`);
  }
  if (!extraction.converged) {
    problems.push(`De schatting (${method}) is na ${formatCount(extraction.iterations)} iteraties gestopt zonder te convergeren: de ladingen zijn een tussenstand, geen oplossing.`);
  }
  if (!solution.rotationConverged) {
    problems.push(`De rotatie (${solution.rotation}) is na ${formatCount(solution.rotationIterations)} iteraties gestopt zonder te convergeren.`);
  }
  const ultra = ofKind(heywood, "ultra-heywood");
  if (ultra.length) problems.push(`Heywood-geval: een communaliteit boven 1 betekent een negatieve unieke variantie, en dat kan niet. Dat geldt voor ${listItems(ultra, labels, (c) => c.communality)}.`);
  const exact = ofKind(heywood, "heywood");
  if (exact.length) problems.push(`Heywood-geval: communaliteit 1, dus geen unieke variantie (geen meetfout) bij ${listItems(exact, labels, (c) => c.communality)}; dat is bij enquêtevragen niet geloofwaardig.`);
  const bound = ofKind(heywood, "at-bound");
  if (bound.length) problems.push(`Bij ${listItems(bound, labels, (c) => c.communality)} drukt de communaliteit tegen de grens van ${formatNumber(MINRES_COMMUNALITY_BOUND, 3)} die minres aanhoudt: zonder die grens was dit een Heywood-geval.`);
  const loading = ofKind(heywood, "loading-above-one");
  if (loading.length) {
    const why = solution.rotation === "oblimin"
      ? "Na een scheve rotatie is een lading een regressiegewicht; boven 1 wijst het hier op dezelfde ontsporing."
      : "Een lading is hier de correlatie tussen vraag en factor, en die kan niet groter zijn dan 1.";
    problems.push(`Lading groter dan 1 bij ${listItems(loading, labels, (c) => c.maxAbsLoading)}. ${why}`);
  }

  const heywoodText = isPca ? "hoofdcomponenten kennen geen Heywood-gevallen" : heywood.length ? "er zijn Heywood-gevallen" : "geen Heywood-gevallen";
  const convergenceText = isPca
    ? "directe berekening zonder iteraties"
    : extraction.converged ? `de schatting convergeerde na ${formatCount(extraction.iterations)} iteraties` : `de schatting convergeerde niet in ${formatCount(extraction.iterations)} iteraties`;
  const summary = `${isPca ? "Geen factormodel" : df > 0 ? "Geïdentificeerd" : "Niet geïdentificeerd"} (${formatCount(df)} vrijheidsgraden); ${convergenceText}; ${heywoodText}.`;

  let advice: string | null = null;
  if (problems.length) {
    const fewer = maxFactors >= 1
      ? `kies minder factoren (met ${p} vragen hoogstens ${maxFactors} met positieve vrijheidsgraden${m > 1 ? `; probeer eerst ${m - 1}` : ""})`
      : `kies meer vragen (met ${p} vragen heeft zelfs één factor geen vrijheidsgraden over)`;
    const other = extraction.method === "pa"
      ? `of kies een andere methode: minres houdt communaliteiten op ${formatNumber(MINRES_COMMUNALITY_BOUND, 3)} of lager`
      : "of kies een andere methode: hoofdasfactoranalyse laat zien waar de oplossing heen wil";
    advice = `Wat nu? Lees deze ladingen niet als uitkomst: ${fewer}, ${other}; hoofdcomponenten (figuur Lab F3) kennen deze problemen niet, maar zijn geen factormodel. Een vraag die steeds het probleem geeft, kunt u ook weglaten.`;
  }
  return {status: notIdentified ? "invalid" : problems.length ? "warning" : "ok", summary, problems, advice};
}

/** The diagnosis as a block beside the figure: a plain line when all is well, a warning when not. */
export function modelDiagnostics(solution: RotatedSolution, labels: string[]): HTMLElement {
  const d = diagnoseModel(solution, labels);
  if (d.status === "ok") return html`<p class="lab-diagnostics" data-status="ok"><strong>Modelcontrole:</strong> ${d.summary}</p>`;
  const title = d.status === "invalid" ? "Dit model is niet geïdentificeerd" : "Dit is geen bruikbare oplossing";
  return html`<div class="lab-diagnostics lab-diagnostics-problem" role="note" data-status=${d.status}>
    <p class="lab-diagnostics-title"><strong>${title}.</strong> ${d.summary}</p>
    <ul>${d.problems.map((text) => html`<li>${text}</li>`)}</ul>
    <p>${d.advice}</p>
  </div>`;
}
