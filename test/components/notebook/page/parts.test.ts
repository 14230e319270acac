// @vitest-environment jsdom
// The notebook page's small parts with plain data: the loading bar, a cell's frame and status, the input and chart
// forms, the text cell, and the workbench's link to the notebook.
import {describe, expect, it} from "vitest";
import {databaseLoader} from "../../../../src/components/notebook/page/database-loader.ts";
import {cellFrame, cellHeading} from "../../../../src/components/notebook/page/cell-frame.ts";
import {inputCellView, parseOptions, withControl} from "../../../../src/components/notebook/page/input-cell-view.ts";
import {changeChartCell} from "../../../../src/components/notebook/page/chart-cell-view.ts";
import {textCellView} from "../../../../src/components/notebook/page/text-cell-view.ts";
import {queryNotebookLink} from "../../../../src/components/sql/notebook-link.ts";
import {sharedNotebook} from "../../../../src/components/notebook/share.ts";
import type {ChartCell, InputCell} from "../../../../src/components/notebook/notebook.ts";

describe("database loader", () => {
  it("shows each step in a progress bar and a polite status, starts once, and hides when loaded", async () => {
    const calls: string[] = [];
    let release!: () => void;
    const loader = databaseLoader<string>([
      {label: "module", run: async () => (calls.push("module"), "m")},
      {label: "tabellen", run: (m) => new Promise((ok) => (release = () => ok(`${m}+t`)))}
    ]);
    const bar = loader.element.querySelector("progress")!;
    expect(loader.started()).toBe(false);
    expect(loader.element.querySelector('[role="status"]')!.getAttribute("aria-live")).toBe("polite");
    const first = loader.load();
    expect(loader.load()).toBe(first);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(bar.value).toBe(1);
    expect(loader.element.textContent).toContain("tabellen (stap 2 van 2)");
    release();
    expect(await first).toBe("m+t");
    expect(calls).toEqual(["module"]);
    expect(loader.element.hidden).toBe(true);
  });

  it("says why loading failed", async () => {
    const loader = databaseLoader([{label: "module", run: async () => Promise.reject(new Error("geen wasm"))}]);
    await expect(loader.load()).rejects.toThrow("geen wasm");
    expect(loader.element.textContent).toContain("De database kon niet worden geladen: geen wasm");
  });
});

describe("cell frame", () => {
  it("names the cell in its heading and in every button's label, and moves with Alt+arrows", () => {
    const moves: number[] = [];
    const cell = {kind: "sql", id: "q", name: "tabel1", sql: "SELECT 1"} as const;
    const frame = cellFrame(cell, {run: () => moves.push(0), move: (s) => moves.push(s), remove: () => moves.push(9)});
    frame.label(cell, 0, 2);
    expect(frame.element.querySelector("h2")!.textContent).toBe("Cel 1 · SQL · tabel1");
    expect([...frame.element.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"))).toEqual(["Cel 1 · SQL · tabel1 uitvoeren", "Cel 1 · SQL · tabel1 omhoog", "Cel 1 · SQL · tabel1 omlaag", "Cel 1 · SQL · tabel1 verwijderen"]);
    expect(frame.element.querySelectorAll("button")[1].disabled).toBe(true);
    frame.element.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", altKey: true, bubbles: true}));
    const handled = new KeyboardEvent("keydown", {key: "ArrowUp", altKey: true, bubbles: true, cancelable: true});
    handled.preventDefault();
    frame.element.dispatchEvent(handled);
    expect(moves).toEqual([1]);
    frame.status("Fout: x", true);
    expect(frame.element.classList.contains("notebook-cell-failed")).toBe(true);
    expect(cellHeading({kind: "chart", id: "g", from: "tabel1", mark: "bar", x: "a"}, 3)).toBe("Cel 4 · Grafiek · van tabel1");
  });
});

describe("input cell", () => {
  it("reads options one per line, numbers when all are numbers", () => {
    expect(parseOptions("klein\n groot \n\nklein")).toEqual(["klein", "groot"]);
    expect(parseOptions("1\n2.5\n-3")).toEqual([1, 2.5, -3]);
  });
  it("changes its kind of control keeping what it can", () => {
    const select: InputCell = {kind: "input", id: "i", name: "n", control: "select", options: [1, 4], value: 4};
    expect(withControl(select, "range")).toMatchObject({control: "range", min: 1, max: 4, value: 1});
    expect(withControl(select, "checkboxes")).toMatchObject({control: "checkboxes", options: [1, 4], value: [1]});
  });
  it("passes a new value on and keeps the control (and the focus) in place", () => {
    const changes: InputCell[] = [];
    const cell: InputCell = {kind: "input", id: "i", name: "grootte", label: "Grootte", control: "checkboxes", options: ["klein", "groot"], value: ["klein"]};
    const {element} = inputCellView(cell, {change: (next) => (changes.push(next), null)});
    const boxes = element.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]');
    expect(element.querySelector("legend")!.textContent).toBe("Grootte");
    boxes[1].checked = true;
    boxes[1].dispatchEvent(new Event("change"));
    expect(changes.at(-1)).toMatchObject({value: ["klein", "groot"]});
    expect(element.contains(boxes[1])).toBe(true);
  });
  it("shows why a setting is refused", () => {
    const cell: InputCell = {kind: "input", id: "i", name: "grootte", control: "select", options: ["a"], value: "a"};
    const {element} = inputCellView(cell, {change: () => "de naam is al gebruikt"});
    const name = element.querySelector<HTMLInputElement>("#nb-i-name")!;
    name.value = "tabel1";
    name.dispatchEvent(new Event("change"));
    expect(element.querySelector('[role="alert"]')!.textContent).toBe("de naam is al gebruikt");
  });
});

describe("chart form", () => {
  it("sets and clears fields from the menus", () => {
    const cell: ChartCell = {kind: "chart", id: "g", from: "t", mark: "bar", x: "a", y: "b", color: "c"};
    expect(changeChartCell(cell, "color", "")).not.toHaveProperty("color");
    expect(changeChartCell(cell, "sort", "-y")).toMatchObject({sort: "-y"});
    expect(changeChartCell(cell, "mark", "likert")).toMatchObject({mark: "likert"});
  });
});

describe("text cell", () => {
  it("renders Markdown without HTML and keeps the source for editing", () => {
    const changed: string[] = [];
    const {element} = textCellView({kind: "text", id: "t", markdown: "**vet** <img src=x onerror=alert(1)>"}, (c) => changed.push(c.markdown));
    expect(element.querySelector(".notebook-text strong")!.textContent).toBe("vet");
    expect(element.querySelector("img")).toBeNull();
    const box = element.querySelector("textarea")!;
    expect(element.querySelector(`label[for="${box.id}"]`)).not.toBeNull();
    box.value = "# Kop";
    box.dispatchEvent(new Event("change"));
    expect(element.querySelector(".notebook-text h1")!.textContent).toBe("Kop");
    expect(changed).toEqual(["# Kop"]);
  });
});

describe("workbench to notebook", () => {
  it("opens the editor's query as the one-cell notebook an old /sql?q= link gives", () => {
    const link = queryNotebookLink("SELECT 42 AS antwoord");
    expect(link.startsWith("./notebook#nb=")).toBe(true);
    const [, hash] = link.split("#");
    expect(sharedNotebook({search: "", hash: `#${hash}`})).toEqual(sharedNotebook({search: "?q=SELECT%2042%20AS%20antwoord", hash: ""}));
  });
});
