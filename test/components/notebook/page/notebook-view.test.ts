// @vitest-environment jsdom
// The notebook page's view in jsdom with a node DuckDB behind it: cells of four kinds added, moved and deleted by
// their buttons, an input change re-runs exactly its dependants, a failing cell stops only its dependants, and a
// hostile notebook (HTML, scripts, javascript: links in any field) creates no element that could run anything.
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {notebookView} from "../../../../src/components/notebook/page/notebook-view.ts";
import {databaseLoader} from "../../../../src/components/notebook/page/database-loader.ts";
import {parseNotebook, type Notebook} from "../../../../src/components/notebook/notebook.ts";
import {nodeTableConnection} from "./table-connection.ts";
import type {NotebookDatabase} from "../../../../src/components/notebook/page/side-panel.ts";

// jsdom has no layout; CodeMirror measures text ranges, so give it empty rectangles instead of an error in the log
Range.prototype.getClientRects = () => Object.assign([], {item: () => null}) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

let connection: DuckDBConnection;
let executed: string[];

beforeEach(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run("CREATE TABLE respondents AS SELECT * FROM (VALUES ('klein', 1.0), ('klein', 2.0), ('groot', 4.0)) t(size_class, weight)");
  executed = [];
  document.body.replaceChildren();
  history.replaceState(null, "", "/notebook");
});
afterEach(() => connection?.closeSync());

const chain: Notebook = parseNotebook({
  version: 1,
  title: "Keten",
  cells: [
    {kind: "input", id: "i", name: "grootte", label: "Gemeentegrootte", control: "select", options: ["klein", "groot"], value: "klein"},
    {kind: "sql", id: "a", name: "gekozen", sql: "FROM respondents WHERE size_class = $grootte"},
    {kind: "sql", id: "b", name: "samen", sql: "SELECT size_class, count(*)::INTEGER AS n FROM gekozen GROUP BY ALL"},
    {kind: "chart", id: "g", from: "samen", mark: "bar", x: "size_class", y: "n"},
    {kind: "sql", id: "c", name: "los", sql: "SELECT count(*)::INTEGER AS n FROM respondents"},
    {kind: "text", id: "t", markdown: "Uitleg"}
  ]
});

function open(nb: Notebook, storage: Storage | null = null) {
  const loader = databaseLoader<NotebookDatabase>([{label: "test", run: async () => ({connection: nodeTableConnection(connection, executed)})}]);
  const view = notebookView({initial: nb, loader, examples: [], storage, population: {klein: 10, groot: 5}});
  document.body.append(view);
  return view;
}

/** Waits until the view has finished `runs` runs. */
async function runs(view: HTMLElement, count: number) {
  for (let i = 0; i < 500 && Number(view.dataset.runs) < count; i++) await new Promise((ok) => setTimeout(ok, 5));
  expect(Number(view.dataset.runs)).toBeGreaterThanOrEqual(count);
}

const cell = (view: HTMLElement, id: string) => view.querySelector<HTMLElement>(`[data-cell-id="${id}"]`)!;

describe("notebook view", () => {
  it("runs every cell on open, shows each result, and labels every control", async () => {
    const view = open(chain);
    await runs(view, 1);
    expect(executed.sort()).toEqual(["gekozen", "los", "samen"]);
    expect(cell(view, "b").querySelector(".notebook-cell-status")!.textContent).toBe("Klaar: 1 rij.");
    expect(cell(view, "c").querySelector("td")!.textContent).toBe("3");
    expect(cell(view, "g").querySelector("svg, figure")).not.toBeNull();
    for (const control of view.querySelectorAll("input, select, textarea")) {
      const labelled = control.id && view.querySelector(`label[for="${control.id}"]`);
      expect(labelled || control.closest("fieldset")?.querySelector("legend") || control.getAttribute("aria-label"), control.outerHTML).toBeTruthy();
    }
    for (const button of view.querySelectorAll("button")) expect((button.getAttribute("aria-label") ?? button.textContent)!.trim()).not.toBe("");
    // once DuckDB is there, the tables beside the cells are read (the workbench's schema panel)
    await expect.poll(() => view.querySelector(".notebook-tables")!.textContent, {timeout: 5000}).toContain("respondents");
  });

  it("re-runs exactly the dependants of a changed input, in order", async () => {
    const view = open(chain);
    await runs(view, 1);
    executed.length = 0;
    const select = cell(view, "i").querySelector("select")!;
    select.value = "1";
    select.dispatchEvent(new Event("change"));
    await runs(view, 2);
    expect(view.dataset.lastRan).toBe("i a b g");
    expect(executed).toEqual(["gekozen", "samen"]);
    expect(cell(view, "b").querySelector("td")!.textContent).toBe("groot");
    // the edited notebook is in the address, so that a reload or a copied link reopens it
    expect(location.hash.startsWith("#nb=")).toBe(true);
  });

  it("shows an error on the failing cell and its dependants, and runs the others", async () => {
    const broken = parseNotebook({...chain, cells: chain.cells.map((c) => (c.id === "a" ? {...c, sql: "FROM nergens"} : c))});
    const view = open(broken);
    await runs(view, 1);
    expect(cell(view, "a").classList.contains("notebook-cell-failed")).toBe(true);
    expect(cell(view, "b").querySelector(".notebook-cell-status")!.textContent).toContain("Wacht op cel gekozen");
    expect(cell(view, "c").querySelector(".notebook-cell-status")!.textContent).toBe("Klaar: 1 rij.");
    expect(view.querySelector(".notebook-status")!.textContent).toMatch(/met een fout/);
  });

  it("adds a cell of each kind, moves and deletes cells with their buttons", async () => {
    const view = open(chain);
    await runs(view, 1);
    const add = (label: string) => view.querySelector<HTMLButtonElement>(`.notebook-add button[aria-label="${label}-cel toevoegen"]`)!.click();
    for (const kind of ["SQL", "Grafiek", "Tekst", "Invoer"]) add(kind);
    const kinds = () => [...view.querySelectorAll<HTMLElement>(".notebook-cell")].map((c) => c.dataset.kind);
    expect(kinds()).toEqual(["input", "sql", "sql", "chart", "sql", "text", "sql", "chart", "text", "input"]);
    const last = view.querySelectorAll<HTMLElement>(".notebook-cell")[9];
    last.querySelector<HTMLButtonElement>('button[aria-label$="omhoog"]')!.click();
    expect(kinds().slice(-2)).toEqual(["input", "text"]);
    expect(view.querySelectorAll(".notebook-cell")[8].querySelector("h2")!.textContent).toMatch(/^Cel 9 · Invoer · keuze1/);
    cell(view, "t").querySelector<HTMLButtonElement>('button[aria-label$="verwijderen"]')!.click();
    expect(cell(view, "t")).toBeNull();
    expect(view.querySelectorAll(".notebook-cell")).toHaveLength(9);
  });

  it("saves in the browser only when asked, and saves a link's notebook as a new entry", async () => {
    const store = new Map<string, string>();
    const storage = {getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k)} as Storage;
    const view = open(chain, storage);
    await runs(view, 1);
    expect(store.size).toBe(0);
    const save = [...view.querySelectorAll("button")].find((b) => b.textContent === "Bewaren in deze browser")!;
    save.click();
    save.click();
    expect(JSON.parse(store.get("kennisverkenner:notebooks")!)).toHaveLength(1);
    const second = open(chain, storage);
    await runs(second, 1);
    [...second.querySelectorAll("button")].find((b) => b.textContent === "Bewaren in deze browser")!.click();
    expect(JSON.parse(store.get("kennisverkenner:notebooks")!)).toHaveLength(2);
  });

  it("removes a saved notebook only after the reader confirms, and saving again makes a new entry", async () => {
    const store = new Map<string, string>();
    const storage = {getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k)} as Storage;
    const view = open(chain, storage);
    await runs(view, 1);
    const button = (text: string) => [...view.querySelectorAll("button")].find((b) => b.textContent === text)!;
    button("Bewaren in deze browser").click();
    const [entry] = JSON.parse(store.get("kennisverkenner:notebooks")!);
    const questions: string[] = [];
    let answer = false;
    window.confirm = (question?: string) => (questions.push(question ?? ""), answer);
    button("Bewaard notebook verwijderen").click();
    expect(store.has(`kennisverkenner:notebook:${entry.id}`)).toBe(true);
    expect(questions).toEqual(["“Keten” verwijderen uit deze browser? Dit kan niet ongedaan worden gemaakt."]);
    answer = true;
    button("Bewaard notebook verwijderen").click();
    expect(store.has(`kennisverkenner:notebook:${entry.id}`)).toBe(false);
    expect(JSON.parse(store.get("kennisverkenner:notebooks")!)).toEqual([]);
    expect(view.querySelector<HTMLSelectElement>("#nb-saved")!.textContent).toBe("(nog niets bewaard)");
    expect(view.querySelector(".notebook-status")!.textContent).toBe("“Keten” is verwijderd uit deze browser.");
    // the notebook is still on the page; saving it again writes a new entry rather than the removed one
    expect(view.querySelectorAll(".notebook-cell")).toHaveLength(6);
    button("Bewaren in deze browser").click();
    const [again] = JSON.parse(store.get("kennisverkenner:notebooks")!);
    expect(again.id).not.toBe(entry.id);
  });

  it("a renamed SQL cell is named anew wherever its result is named: the result region, the hint and the editor", async () => {
    const view = open(chain);
    await runs(view, 1);
    const name = cell(view, "c").querySelector<HTMLInputElement>(".notebook-name")!;
    name.value = "totaal";
    name.dispatchEvent(new Event("change"));
    await runs(view, 2);
    expect(cell(view, "c").querySelector(".sql-table")!.getAttribute("aria-label")).toBe("Resultaat van totaal");
    expect(cell(view, "c").querySelector(".sql-hint code")!.textContent).toBe("FROM totaal");
    expect(cell(view, "c").querySelector(".cm-content")!.getAttribute("aria-label")).toBe("SQL van cel totaal");
    // a name that is taken is refused, and nothing is renamed
    name.value = "gekozen";
    name.dispatchEvent(new Event("change"));
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(cell(view, "c").querySelector(".sql-table")!.getAttribute("aria-label")).toBe("Resultaat van totaal");
  });

  it("keeps the queries the reader ran (not those of opening), shared with the workbench, and adds one back as a cell", async () => {
    const store = new Map<string, string>([["kennisverkenner.sql.history", JSON.stringify([{sql: "SELECT 42 AS antwoord", at: "2026-12-01T10:00:00.000Z"}])]]);
    const storage = {getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k)} as Storage;
    const view = open(chain, storage);
    await runs(view, 1);
    const listed = () => [...view.querySelectorAll(".notebook-history .sql-history-item")].map((b) => b.textContent);
    // opening ran four SQL cells, but the reader ran none: only the workbench's query is listed
    expect(listed()).toEqual(["SELECT 42 AS antwoord"]);
    cell(view, "c").querySelector<HTMLButtonElement>('button[aria-label$="uitvoeren"]')!.click();
    await runs(view, 2);
    expect(listed()).toEqual(["SELECT count(*)::INTEGER AS n FROM respondents", "SELECT 42 AS antwoord"]);
    expect(JSON.parse(store.get("kennisverkenner.sql.history")!)).toHaveLength(2);
    view.querySelector<HTMLButtonElement>(".notebook-history .sql-history-item[title='SELECT 42 AS antwoord']")!.click();
    await runs(view, 3);
    const added = [...view.querySelectorAll<HTMLElement>(".notebook-cell")].at(-1)!;
    expect(added.dataset.kind).toBe("sql");
    expect(added.querySelector(".cm-content")!.textContent).toBe("SELECT 42 AS antwoord");
    expect(added.querySelector(".sql-table")!.textContent).toContain("42");
  });

  it("a hostile notebook creates no script, no event handler and no javascript: link", async () => {
    const html = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2><a href=\"javascript:window.pwned=3\">x</a>";
    const hostile = parseNotebook({
      version: 1,
      title: `${html} titel`,
      cells: [
        {kind: "text", id: "t", markdown: `${html}\n\n[klik](javascript:alert(1)) ![plaatje](https://elders.example/x.png) <b onmouseover=alert(1)>b</b>`},
        {kind: "input", id: "i", name: "keuze", label: html, control: "checkboxes", options: [html, "<b>vet</b>"], value: [html]},
        {kind: "sql", id: "q", name: "tabel1", sql: `SELECT array_to_string($keuze, ',') AS k, '${html.replace(/'/g, "''")}' AS s`},
        {kind: "chart", id: "g", from: "tabel1", mark: "bar", x: "s", y: "s"}
      ]
    });
    const view = open(hostile);
    await runs(view, 1);
    expect(view.querySelector("script, img, iframe, object, embed, b")).toBeNull();
    expect([...view.querySelectorAll("a")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? ""))).toEqual([]);
    for (const element of view.querySelectorAll("*")) for (const attribute of element.attributes) expect(attribute.name.startsWith("on"), `${element.tagName} ${attribute.name}`).toBe(false);
    expect((window as any).pwned).toBeUndefined();
    // the HTML is there, as text
    expect(view.querySelector(".notebook-text")!.textContent).toContain("<script>");
    expect(cell(view, "q").querySelector(".notebook-cell-status")!.textContent).toBe("Klaar: 1 rij.");
    expect(cell(view, "q").querySelector("td:last-child")!.textContent).toBe(html);
  });
});
