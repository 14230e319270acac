// DuckDB-WASM on demand: the notebook page shows its cells at once and starts the database only when a cell must
// run, with a visible progress bar (the wasm is tens of megabytes). The steps are injected, so that the bar can be
// tested without a browser; the page passes the dynamic import of ../../db.js and the survey functions.
import {html} from "htl";

/** One step of loading, as the reader sees it. */
export interface LoadStep {
  label: string;
  /** Gets the previous step's value; the last step's value is the loader's result. */
  run(previous: unknown): Promise<unknown>;
}

export interface DatabaseLoader<T> {
  /** The progress indication: a <progress> and a polite status line; hidden when loaded. */
  element: HTMLElement;
  /** Starts loading (once) and resolves with the last step's value. */
  load(): Promise<T>;
  /** Whether loading has started. */
  started(): boolean;
}

export function databaseLoader<T>(steps: LoadStep[]): DatabaseLoader<T> {
  const bar = html`<progress max=${steps.length} value="0" aria-label="Database laden"></progress>` as HTMLProgressElement;
  const text = html`<span class="notebook-loading-text" role="status" aria-live="polite">De database start pas als er een cel moet draaien.</span>`;
  const element = html`<p class="notebook-loading">${bar} ${text}</p>`;
  let promise: Promise<T> | undefined;
  const load = () =>
    (promise ??= (async () => {
      let value: unknown;
      try {
        for (const [i, step] of steps.entries()) {
          bar.value = i;
          text.textContent = `Database laden: ${step.label} (stap ${i + 1} van ${steps.length})…`;
          value = await step.run(value);
        }
        bar.value = steps.length;
        text.textContent = "Database geladen.";
        element.hidden = true;
        return value as T;
      } catch (error) {
        text.textContent = `De database kon niet worden geladen: ${error instanceof Error ? error.message : String(error)}`;
        throw error;
      }
    })());
  return {element, load, started: () => promise !== undefined};
}
