// The status box of the coverage simulation: a progress bar, "123 van 1.000 herhalingen" and a polite live region
// that says when a run starts and ends. Its data attributes (state, seed, engine) let a reader's tools and the
// browser tests wait for the run instead of for a fixed time.
import {html} from "htl";
import {formatNumber} from "../format.js";

export interface CoverageStatus {
  element: HTMLDivElement;
  /** A run starts: the figure below still shows the previous run until this one ends. */
  start(run: {seed: number; scaleTitle: string; engine: string; repetitions: number}): void;
  progress(done: number, total: number): void;
  finish(run: {seed: number; repetitions: number; seconds: number; engine: string}): void;
}

export function coverageStatus(): CoverageStatus {
  const bar: HTMLProgressElement = html`<progress max="1000" value="0" aria-label="Voortgang van de simulatie"></progress>`;
  const count: HTMLSpanElement = html`<span class="lab-sim-count"></span>`;
  const live: HTMLParagraphElement = html`<p role="status" aria-live="polite"></p>`;
  const element: HTMLDivElement = html`<div class="lab-sim-status" data-testid="simulatie-status">${bar}${count}${live}</div>`;
  const progress = (done: number, total: number) => {
    bar.max = total;
    bar.value = done;
    count.textContent = `${formatNumber(done, 0)} van ${formatNumber(total, 0)} herhalingen`;
  };
  return {
    element,
    progress,
    start({seed, scaleTitle, engine, repetitions}) {
      const previous = element.dataset.shown;
      element.dataset.state = "bezig";
      element.dataset.engine = engine;
      element.dataset.seed = String(seed);
      progress(0, repetitions);
      live.textContent = `Simulatie loopt (startwaarde ${seed}, ${scaleTitle}).${previous ? ` Figuur en tekst hieronder tonen tot ze klaar is nog de vorige uitkomst (startwaarde ${previous}).` : ""}`;
    },
    finish({seed, repetitions, seconds, engine}) {
      element.dataset.state = "klaar";
      element.dataset.shown = String(seed);
      live.textContent = `Simulatie klaar: ${formatNumber(repetitions, 0)} herhalingen met startwaarde ${seed} in ${formatNumber(seconds, 1)} s${engine === "worker" ? ", op de achtergrond" : ""}.`;
    }
  };
}
