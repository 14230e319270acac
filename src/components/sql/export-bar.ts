// The export bar under a result: CSV, Parquet, Markdown and "Maak een grafiek", and what to say while a long
// export runs. The files themselves are made in ./exporters.ts; this part only offers them.
import {html} from "htl";
import {displayValue, rowCountText} from "./format.js";
import {parquetWarningRows} from "./exporters.js";

export interface ExportActions {
  csv(): void;
  parquet(): void;
  markdown(): void;
  chart(): void;
}

/** The four buttons. */
export function exportBar(actions: ExportActions): HTMLElement {
  return html`<span>
    <button type="button" onclick=${actions.csv}>Download CSV</button>
    <button type="button" onclick=${actions.parquet}>Download Parquet</button>
    <button type="button" onclick=${actions.markdown}>Kopieer als Markdown</button>
    <button type="button" onclick=${actions.chart}>Maak een grafiek</button>
  </span>`;
}

/** Whether a Parquet export of `rowCount` rows should be confirmed first (it is built in memory in one step). */
export function parquetNeedsConfirmation(rowCount: number): boolean {
  return rowCount > parquetWarningRows;
}

/** The question before a large Parquet export, with the row count; focus goes to the first button. */
export function parquetConfirmation(rowCount: number, {confirm, cancel}: {confirm(): void; cancel(): void}): HTMLElement {
  return html`<div class="sql-export-warning" role="group" aria-label="Grote export">
    <p>${`Dit resultaat heeft ${rowCountText(rowCount)}. Een Parquetbestand wordt in één keer in het geheugen gemaakt; bij zoveel rijen kan de pagina daarbij een tijd niet reageren. CSV wordt in stukken geschreven en houdt de pagina bruikbaar.`}</p>
    <button type="button" onclick=${confirm}>Toch Parquet downloaden</button>
    <button type="button" onclick=${cancel}>Niet nu</button>
  </div>`;
}

/** "CSV schrijven: 1.234.567 van 10.000.000 rijen". */
export function exportProgressText(kind: string, rows: number, total: number): string {
  return `${kind} schrijven: ${displayValue(rows)} van ${displayValue(total)} rijen`;
}

/** A progress bar for a streamed export (not a live region: screen readers hear only the start and the end). */
export function exportProgress(kind: string, rows: number, total: number): HTMLElement {
  const text = exportProgressText(kind, rows, total);
  return html`<p class="sql-export-progress"><progress max=${total} value=${rows} aria-label=${text}></progress> ${text}</p>`;
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = html`<a href=${url} download=${name} hidden></a>`;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; free the memory a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
