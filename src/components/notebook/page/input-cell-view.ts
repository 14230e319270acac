// An input cell: the control the reader uses (a menu, check boxes or a slider) bound to `$name`, and its settings
// (name, label, kind, options or range), folded away. Changing the value re-runs exactly the cells that use it.
import {html} from "htl";
import {formatNumber} from "../../format.js";
import type {InputCell, InputValue} from "../notebook.js";

export interface InputCellActions {
  /** The value or the settings changed; returns the Dutch reason when the new cell is refused. */
  change(cell: InputCell): string | null;
}

/** Options from a text box, one per line; numbers stay numbers when every line is one. */
export function parseOptions(text: string): InputValue[] {
  const lines = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
  const numeric = lines.length > 0 && lines.every((l) => /^-?\d+(\.\d+)?$/.test(l));
  return numeric ? lines.map(Number) : lines;
}

/** The same input with another kind of control, keeping what can be kept. */
export function withControl(cell: InputCell, control: InputCell["control"]): InputCell {
  const base = {kind: "input" as const, id: cell.id, name: cell.name, ...(cell.label === undefined ? {} : {label: cell.label})};
  const options: InputValue[] = cell.control === "range" ? [cell.min, cell.max] : cell.options;
  if (control === "range") {
    const numbers = options.filter((o): o is number => typeof o === "number");
    const [min, max] = numbers.length >= 2 ? [Math.min(...numbers), Math.max(...numbers)] : [0, 10];
    return {...base, control, min, max: max > min ? max : min + 1, step: 1, value: min};
  }
  if (control === "select") return {...base, control, options, value: options[0]};
  return {...base, control, options, value: [options[0]]};
}

function control(cell: InputCell, set: (value: InputValue | InputValue[]) => void): HTMLElement {
  const label = cell.label ?? cell.name;
  const id = `nb-input-${cell.id}`;
  if (cell.control === "select") {
    const select = html`<select id=${id}>${cell.options.map((o, i) => html`<option value=${i} selected=${o === cell.value}>${String(o)}</option>`)}</select>` as HTMLSelectElement;
    select.addEventListener("change", () => set(cell.options[Number(select.value)]));
    return html`<p class="notebook-field"><label for=${id}>${label}</label> ${select}</p>`;
  }
  if (cell.control === "checkboxes") {
    const boxes = cell.options.map((o, i) => {
      const box = html`<input type="checkbox" id=${`${id}-${i}`} checked=${cell.value.includes(o)}>` as HTMLInputElement;
      box.addEventListener("change", () => set(cell.options.filter((_, k) => (boxes[k].firstChild as HTMLInputElement).checked)));
      return html`<span class="notebook-check">${box}<label for=${`${id}-${i}`}>${String(o)}</label></span>`;
    });
    return html`<fieldset class="notebook-field"><legend>${label}</legend>${boxes}</fieldset>`;
  }
  const output = html`<output for=${id}>${formatNumber(cell.value, 2)}</output>`;
  const range = html`<input type="range" id=${id} min=${cell.min} max=${cell.max} step=${cell.step} value=${cell.value}>` as HTMLInputElement;
  range.addEventListener("input", () => (output.textContent = formatNumber(Number(range.value), 2)));
  range.addEventListener("change", () => set(Number(range.value)));
  return html`<p class="notebook-field"><label for=${id}>${label}</label> ${range} ${output}</p>`;
}

export function inputCellView(initial: InputCell, actions: InputCellActions): {element: HTMLElement} {
  let cell = initial;
  const controlHost = html`<div></div>`;
  const settingsHost = html`<div class="notebook-settings"></div>`;
  const problem = html`<p class="notebook-error" role="alert"></p>`;
  /** Applies a change; the control is drawn again only when its settings changed (a new value keeps the focus). */
  const apply = (next: InputCell, redraw = true) => {
    const refused = actions.change(next);
    problem.textContent = refused ?? "";
    if (refused) return false;
    cell = next;
    if (redraw) draw();
    return true;
  };
  const field = (key: string, label: string, value: string, onCommit: (text: string) => InputCell | null, multiline = false) => {
    const id = `nb-${cell.id}-${key}`;
    const box = (multiline ? html`<textarea id=${id} rows="4"></textarea>` : html`<input id=${id} autocomplete="off" spellcheck="false">`) as HTMLInputElement;
    box.value = value;
    box.addEventListener("change", () => {
      const next = onCommit(box.value);
      if (next) apply(next);
    });
    return html`<p class="notebook-field"><label for=${id}>${label}</label> ${box}</p>`;
  };

  function draw() {
    controlHost.replaceChildren(control(cell, (value) => apply({...cell, value} as InputCell, false)));
    const kindId = `nb-${cell.id}-control`;
    const kind = html`<select id=${kindId}>${(["select", "checkboxes", "range"] as const).map((k) => html`<option value=${k} selected=${k === cell.control}>${{select: "keuzelijst", checkboxes: "vinkjes", range: "schuif"}[k]}</option>`)}</select>` as HTMLSelectElement;
    kind.addEventListener("change", () => apply(withControl(cell, kind.value as InputCell["control"])));
    const specific =
      cell.control === "range"
        ? (["min", "max", "step"] as const).map((k) => field(k, {min: "Van", max: "Tot", step: "Stap"}[k], String(cell.control === "range" ? cell[k] : ""), (text) => {
            if (cell.control !== "range") return null;
            const n = Number(text.replace(",", "."));
            const next = {...cell, [k]: n};
            return {...next, value: Math.min(next.max, Math.max(next.min, next.value))};
          }))
        : [field("options", "Opties (één per regel)", cell.options.join("\n"), (text) => {
            if (cell.control === "range") return null;
            const options = parseOptions(text);
            if (!options.length) return null;
            const value = cell.control === "select" ? (options.includes(cell.value) ? cell.value : options[0]) : cell.value.filter((v) => options.includes(v));
            return {...cell, options, value} as InputCell;
          }, true)];
    settingsHost.replaceChildren(
      field("name", "Naam (in SQL als $naam)", cell.name, (text) => ({...cell, name: text.trim()})),
      field("label", "Opschrift", cell.label ?? "", (text) => ({...cell, label: text})),
      html`<p class="notebook-field"><label for=${kindId}>Soort invoer</label> ${kind}</p>`,
      ...specific
    );
  }
  draw();
  const element = html`<div>${controlHost}<details class="notebook-edit"><summary>Invoer instellen</summary>${settingsHost}</details>${problem}</div>`;
  return {element};
}
