// The drop zone: drag a CSV or Parquet file onto it, or pick one; it hands the files to `onFiles`.
// Reading them into DuckDB is ./drop.ts.
import {html} from "htl";

/** The zone with its file input (id sql-file); `onFiles` is called with what was dropped or picked. */
export function dropZone(onFiles: (files: File[]) => void): HTMLElement {
  const input = html`<input type="file" id="sql-file" accept=".csv,.tsv,.txt,.parquet">` as HTMLInputElement;
  input.addEventListener("change", () => {
    if (input.files?.length) onFiles(Array.from(input.files));
  });
  const zone = html`<div class="sql-drop">
    <p>Sleep een CSV- of Parquetbestand hierheen om het naast de enquêtetabellen te bevragen. Het bestand blijft in je browser.</p>
    <label for="sql-file">Of kies een bestand: </label>${input}
  </div>`;
  zone.addEventListener("dragover", (event: DragEvent) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event: DragEvent) => {
    event.preventDefault();
    zone.classList.remove("over");
    if (event.dataTransfer?.files.length) onFiles(Array.from(event.dataTransfer.files));
  });
  return zone;
}
