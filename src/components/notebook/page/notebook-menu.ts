// The notebook's menu: its title, adding a cell of each kind, running everything, and taking the notebook along
// (link, saved in this browser, .kvnb.json file, Framework page, .sql script), opening an example, a saved notebook
// or a file. Every control is a labelled button, menu or file field, reachable with Tab.
import {html} from "htl";
import type {SavedNotebook} from "../saved-notebooks.js";
import type {CellKind} from "./edit.js";
import type {ExampleNotebook} from "./example-notebooks.js";

export interface MenuActions {
  retitle(title: string): void;
  add(kind: CellKind): void;
  runAll(): void;
  share(): void;
  saveInBrowser(): void;
  saveFile(): void;
  openFile(file: File): void;
  openSaved(id: string): void;
  /** Removes a saved notebook from this browser (after the reader confirmed). */
  removeSaved(id: string): void;
  openExample(id: string): void;
  blank(): void;
  exportFramework(): void;
  exportSql(): void;
}

export interface NotebookMenu {
  element: HTMLElement;
  /** The add-buttons, placed under the last cell. */
  adder: HTMLElement;
  setTitle(title: string): void;
  setSaved(saved: SavedNotebook[]): void;
}

/** The example menu's options, grouped: teaching notebooks, then the report's sections. */
function exampleOptions(examples: ExampleNotebook[]) {
  const groups = [...new Set(examples.map((e) => e.group))];
  return groups.map((group) => html`<optgroup label=${group}>${examples.filter((e) => e.group === group).map((e) => html`<option value=${e.id}>${e.title}</option>`)}</optgroup>`);
}

export function notebookMenu(actions: MenuActions, examples: ExampleNotebook[]): NotebookMenu {
  const title = html`<input id="nb-title" class="notebook-title" autocomplete="off">` as HTMLInputElement;
  title.addEventListener("change", () => actions.retitle(title.value));
  const exampleMenu = html`<select id="nb-examples"><option value="">Kies een voorbeeld…</option>${exampleOptions(examples)}</select>` as HTMLSelectElement;
  const savedMenu = html`<select id="nb-saved"></select>` as HTMLSelectElement;
  const fileInput = html`<input type="file" id="nb-file" accept=".json,.kvnb.json,application/json">` as HTMLInputElement;
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) actions.openFile(file);
    fileInput.value = "";
  });
  const button = (text: string, onclick: () => void, className = "") => html`<button type="button" class=${className || null} onclick=${onclick}>${text}</button>`;
  const adder = html`<div class="notebook-add" role="group" aria-label="Cel toevoegen">
    <span>Cel toevoegen:</span>
    ${button("SQL", () => actions.add("sql"))}${button("Grafiek", () => actions.add("chart"))}${button("Tekst", () => actions.add("text"))}${button("Invoer", () => actions.add("input"))}
  </div>`;
  for (const b of adder.querySelectorAll("button")) b.setAttribute("aria-label", `${b.textContent}-cel toevoegen`);
  const element = html`<div class="notebook-menu">
    <p class="notebook-field"><label for="nb-title">Titel van het notebook</label> ${title}</p>
    <div class="notebook-menu-row">
      ${button("Alles uitvoeren", actions.runAll, "sql-run")}
      ${button("Link kopiëren", actions.share)}
      ${button("Bewaren in deze browser", actions.saveInBrowser)}
      ${button("Opslaan als bestand (.kvnb.json)", actions.saveFile)}
      ${button("Nieuw notebook", actions.blank)}
    </div>
    <div class="notebook-menu-row">
      <span class="notebook-field"><label for="nb-examples">Voorbeelden</label> ${exampleMenu} ${button("Voorbeeld openen", () => exampleMenu.value && actions.openExample(exampleMenu.value))}</span>
      <span class="notebook-field"><label for="nb-saved">Bewaard in deze browser</label> ${savedMenu} ${button("Bewaard notebook openen", () => savedMenu.value && actions.openSaved(savedMenu.value))} ${button("Bewaard notebook verwijderen", () => savedMenu.value && actions.removeSaved(savedMenu.value))}</span>
      <span class="notebook-field"><label for="nb-file">Notebookbestand openen</label> ${fileInput}</span>
    </div>
    <div class="notebook-menu-row">
      <span>Exporteren:</span>
      ${button("Framework-pagina (.md)", actions.exportFramework)}
      ${button("SQL-script (.sql)", actions.exportSql)}
    </div>
  </div>`;
  return {
    element,
    adder,
    setTitle: (text) => (title.value = text),
    setSaved(saved) {
      savedMenu.replaceChildren(
        ...(saved.length ? saved.map((s) => html`<option value=${s.id}>${`${s.title} (${s.savedAt.slice(0, 10)})`}</option>`) : [html`<option value="">(nog niets bewaard)</option>`])
      );
    }
  };
}
