// @vitest-environment jsdom
// The small view parts of the workbench, each with plain data and no database.
import {describe, expect, it} from "vitest";
import {exportBar, exportProgress, exportProgressText, parquetConfirmation, parquetNeedsConfirmation} from "../../../src/components/sql/export-bar.js";
import {changeChart, chartCaption, chartDescription, chartPanel} from "../../../src/components/sql/chart-panel.js";
import {schemaPanel} from "../../../src/components/sql/schema-panel.js";
import {historyItems, historyLabel} from "../../../src/components/sql/history-panel.js";
import {consentAccess, networkPanel, nextConsentStep} from "../../../src/components/sql/network-panel.js";
import {dropZone} from "../../../src/components/sql/drop-zone.js";
import {examplesMenu, exampleText} from "../../../src/components/sql/examples-menu.js";
import type {ExampleQuery} from "../../../src/components/sql/examples.js";

describe("export bar", () => {
  it("offers four actions", () => {
    const calls: string[] = [];
    const bar = exportBar({csv: () => calls.push("csv"), parquet: () => calls.push("parquet"), markdown: () => calls.push("markdown"), chart: () => calls.push("chart")});
    const buttons = [...bar.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual(["Download CSV", "Download Parquet", "Kopieer als Markdown", "Maak een grafiek"]);
    buttons.forEach((b) => b.click());
    expect(calls).toEqual(["csv", "parquet", "markdown", "chart"]);
  });
  it("asks before a Parquet file of more than a million rows, with the row count", () => {
    expect(parquetNeedsConfirmation(1_000_000)).toBe(false);
    expect(parquetNeedsConfirmation(10_000_000)).toBe(true);
    const answers: string[] = [];
    const question = parquetConfirmation(10_000_000, {confirm: () => answers.push("ja"), cancel: () => answers.push("nee")});
    expect(question.textContent).toContain("Dit resultaat heeft 10.000.000 rijen.");
    [...question.querySelectorAll("button")].forEach((b) => b.click());
    expect(answers).toEqual(["ja", "nee"]);
  });
  it("shows the progress of a streamed export", () => {
    expect(exportProgressText("CSV", 2_500_000, 10_000_000)).toBe("CSV schrijven: 2.500.000 van 10.000.000 rijen");
    const bar = exportProgress("CSV", 25, 100).querySelector("progress")!;
    expect([bar.value, bar.max]).toEqual([25, 100]);
  });
});

describe("chart panel", () => {
  const columns = [
    {name: "grootte", kind: "category" as const, type: "Utf8"},
    {name: "gemiddelde", kind: "number" as const, type: "Float64"}
  ];
  const rows = [
    {grootte: "<25.000", gemiddelde: 2.2},
    {grootte: ">100.000", gemiddelde: 2.5}
  ];
  it("changes one channel of the spec from a menu", () => {
    const spec = {mark: "bar" as const, x: "grootte", y: "gemiddelde", color: null};
    expect(changeChart(spec, "y", "")).toEqual({...spec, y: null});
    expect(changeChart(spec, "mark", "dot")).toEqual({...spec, mark: "dot"});
    expect(changeChart(spec, "color", "grootte")).toEqual({...spec, color: "grootte"});
  });
  it("draws menus set to the spec and a chart with a description and caption", () => {
    const spec = {mark: "bar" as const, x: "grootte", y: "gemiddelde", color: null};
    const changes: unknown[] = [];
    const panel = chartPanel({spec, columns, rows, complete: true, width: 640}, (s, id) => changes.push([s, id]));
    expect((panel.querySelector("#sql-chart-mark") as HTMLSelectElement).value).toBe("bar");
    expect((panel.querySelector("#sql-chart-color") as HTMLSelectElement).value).toBe("");
    expect(panel.querySelector("svg[role=img]")!.getAttribute("aria-label")).toBe(chartDescription(spec));
    expect(panel.querySelector("figcaption")!.textContent).toBe(chartCaption(2, true));
    const y = panel.querySelector("#sql-chart-y") as HTMLSelectElement;
    y.value = "";
    y.dispatchEvent(new Event("change"));
    expect(changes).toEqual([[{...spec, y: null}, "sql-chart-y"]]);
  });
  it("says why a chart fails or cannot be made", () => {
    expect(chartPanel({spec: {mark: "bar", x: "grootte", y: null, color: null}, columns, rows, complete: true, width: 640}, () => {}).textContent).toContain("Deze grafiek lukt niet: een bar-grafiek heeft een y-kolom nodig");
    expect(chartPanel({spec: null, columns: [], rows: [], complete: true, width: 640}, () => {}).textContent).toContain("geen grafiek te maken");
    expect(chartCaption(10_000, false)).toMatch(/^Alleen de eerste 10\.000 rijen\. Bron: gereconstrueerde antwoorden/);
  });
});

describe("schema panel", () => {
  it("lists tables with columns, questions and labels as text", () => {
    const panel = schemaPanel([
      {name: "respondents", own: false, columns: [{name: "bes_doorstroom", type: "INTEGER", question: "<b>Vraag</b>", labels: "1 Nee · 2 Ja"}]},
      {name: "mijn_bestand", own: true, columns: [{name: "x", type: "DOUBLE"}]}
    ]);
    expect([...panel.querySelectorAll("summary")].map((s) => s.textContent)).toEqual(["respondents · 1 kolommen", "mijn_bestand (eigen bestand) · 1 kolommen"]);
    expect(panel.querySelector(".sql-question")!.textContent).toBe("<b>Vraag</b>");
    expect(panel.querySelector("b")).toBeNull();
    expect([...panel.querySelectorAll("details")].map((d) => d.open)).toEqual([true, true]);
    expect(schemaPanel([]).textContent).toBe("Tabellen laden…");
  });
});

describe("history panel", () => {
  it("shortens long queries and puts a picked one back", () => {
    expect(historyLabel("x".repeat(100))).toBe(`${"x".repeat(90)}…`);
    const picked: string[] = [];
    const [item] = historyItems([{sql: "SELECT 1", at: "2026-01-01T00:00:00Z"}], (sql) => picked.push(sql));
    item.querySelector("button")!.click();
    expect(picked).toEqual(["SELECT 1"]);
    expect(historyItems([], () => {})[0].textContent).toBe("Nog geen queries uitgevoerd.");
  });
});

describe("network consent", () => {
  it("takes two steps to open, and goes back to offline on cancel, failure or close", () => {
    expect(nextConsentStep("closed", "allow")).toBe("closed"); // never without asking first
    expect(nextConsentStep("closed", "ask")).toBe("asking");
    expect(nextConsentStep("asking", "cancel")).toBe("closed");
    expect(nextConsentStep("asking", "allow")).toBe("opening");
    expect(nextConsentStep("opening", "failed")).toBe("closed");
    expect(nextConsentStep("opening", "opened")).toBe("open");
    expect(nextConsentStep("open", "close")).toBe("closing");
    expect(nextConsentStep("closing", "closed")).toBe("closed");
    expect(["closed", "asking", "opening", "open", "closing"].map((s) => consentAccess(s as never))).toEqual(["offline", "offline", "offline", "remote", "remote"]);
  });
  it("says plainly what the page does in each step", () => {
    const actions = {ask: () => {}, allow: () => {}, cancel: () => {}, close: () => {}};
    const closed = networkPanel("closed", actions);
    expect(closed.dataset.access).toBe("offline");
    expect(closed.textContent).toContain("Deze pagina maakt geen verbinding buiten de site.");
    expect(closed.querySelector("button")!.textContent).toBe("Bestanden van internet toestaan…");
    const asking = networkPanel("asking", actions);
    expect([...asking.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["Ja, toestaan voor dit bezoek", "Nee"]);
    const open = networkPanel("open", actions);
    expect(open.dataset.access).toBe("remote");
    expect(open.textContent).toContain("alleen voor dit bezoek");
    expect(open.querySelector("button")!.textContent).toBe("Weer afsluiten");
  });
});

describe("drop zone", () => {
  it("hands dropped files over and marks the zone while dragging", () => {
    const received: string[] = [];
    const zone = dropZone((files) => received.push(...files.map((f) => f.name)));
    const over = new Event("dragover", {cancelable: true});
    zone.dispatchEvent(over);
    expect(zone.classList.contains("over")).toBe(true);
    expect(over.defaultPrevented).toBe(true);
    const drop = Object.assign(new Event("drop", {cancelable: true}), {dataTransfer: {files: [new File(["a"], "mijn.csv")]}});
    zone.dispatchEvent(drop);
    expect(received).toEqual(["mijn.csv"]);
    expect(zone.classList.contains("over")).toBe(false);
    expect(zone.querySelector("label")!.getAttribute("for")).toBe(zone.querySelector("input")!.id);
  });
});

/** Three examples in two sections (the real ones, made from the survey metadata, are tested in examples.test.ts). */
const examples: ExampleQuery[] = [
  {id: "tabel-1", source: "Tabel 1", section: "1.2 Een paragraaf", title: "Een tabel", sql: "SELECT 1"},
  {id: "figuur-3", source: "Figuur 3", section: "1.2 Een paragraaf", title: "Een figuur", sql: "SELECT 2"},
  {id: "methode-x", source: "Methode", section: "Methoden", title: "Een methode", sql: "SELECT 3"}
];

describe("examples menu", () => {
  it("groups every example by section and hands over the chosen one", () => {
    const picked: string[] = [];
    const menu = examplesMenu(examples, (e) => picked.push(exampleText(e)));
    expect(menu.querySelectorAll("optgroup option").length).toBe(examples.length);
    expect([...menu.querySelectorAll("optgroup")].map((g) => [g.label, g.querySelectorAll("option").length])).toEqual([["1.2 Een paragraaf", 2], ["Methoden", 1]]);
    menu.value = "figuur-3";
    menu.dispatchEvent(new Event("change"));
    expect(picked).toEqual(["-- Figuur 3: Een figuur\nSELECT 2"]);
  });
});
