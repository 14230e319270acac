// A figure's actions and downloads as DOM: the notebook link carries the filters the figure was drawn for, the
// controls are a labelled group of named buttons and links, the SVG file stands alone (legend, title, every chart),
// and the CSV keeps hidden groups empty. Runs in node with a jsdom window as the page (the survey metadata is read
// from the pipeline, which needs node's file URLs).
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {JSDOM} from "jsdom";
import {siteMeta} from "../../../loaders/pipeline/site-data.ts";
import type {InputCell, Notebook} from "../../../src/components/notebook/notebook.ts";
import {sharedNotebook} from "../../../src/components/notebook/share.ts";
import type {DistributionRow} from "../../../src/components/story/model.ts";
import type {SurveyMeta} from "../../../src/components/survey/survey-meta.ts";

// the project's jsdom types (src/types/jsdom.d.ts) know only the document; this test also needs the page's address
const Dom = JSDOM as unknown as new (html: string, options: {url: string}) => {window: Window & typeof globalThis};
const dom = new Dom("<!doctype html><html><body></body></html>", {url: "http://127.0.0.1:3000/hoofdstuk/beschikbaarheid"});
// the window's own names (Node, Element, XMLSerializer, ...) where node has none, and the page's document and address
const globals: Record<string, unknown> = {document: dom.window.document, location: dom.window.location, navigator: dom.window.navigator, window: dom.window};
for (const name of Object.getOwnPropertyNames(dom.window)) if (!(name in globalThis) && /^[A-Z]/.test(name)) globals[name] = (dom.window as unknown as Record<string, unknown>)[name];
const saved = new Map<string, PropertyDescriptor | undefined>();
let meta: SurveyMeta;
let figureModule: typeof import("../../../src/components/story/figure.ts");
let downloads: typeof import("../../../src/components/story/figure-downloads.ts");
let likert: typeof import("../../../src/components/charts/likert.ts");

beforeAll(async () => {
  for (const [name, value] of Object.entries(globals)) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {value, configurable: true, writable: true});
  }
  meta = await siteMeta();
  figureModule = await import("../../../src/components/story/figure.ts");
  downloads = await import("../../../src/components/story/figure-downloads.ts");
  likert = await import("../../../src/components/charts/likert.ts");
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
  dom.window.close();
});

const input = (nb: Notebook, name: string) => nb.cells.find((c): c is InputCell => c.kind === "input" && c.name === name)!;
const hashOf = (link: string) => link.slice(link.indexOf("#"));

const row = (item_id: string, group: string, code: number, share: number | null, suppressed = false): DistributionRow => ({
  item_id, group, code, label: ["Niet", "Soms", "Vaak"][code - 1], count: suppressed ? null : 3 * code, share, n: suppressed ? null : 20, suppressed
});
const rows: DistributionRow[] = [
  row("a", "klein", 1, 0.2), row("a", "klein", 2, 0.3), row("a", "klein", 3, 0.5),
  row("a", "stad", 1, null, true), row("a", "stad", 2, null, true), row("a", "stad", 3, null, true)
];

describe("storyFigure's actions", () => {
  it("open the notebook with the filters the figure was drawn for; name every control; link to the figure", () => {
    const filterKey = "?grootte=klein,stad&weging=gewogen";
    const figure = figureModule.storyFigure({
      number: "Tabel 1",
      title: "Beschikbaarheid",
      aid: "",
      chart: document.createElement("div"),
      table: figureModule.dataTable("t", ["a"], []),
      n: "n = 1",
      filterKey,
      meta,
      query: {kind: "means", scales: ["beschikbaarheid"]},
      numbers: {kind: "means", rows: []}
    });
    const actions = figure.querySelector(".story-figure-actions")!;
    expect(actions.getAttribute("role")).toBe("group");
    expect(actions.getAttribute("aria-label")).toBe("Tabel 1: openen, downloaden en delen");
    const link = actions.querySelector<HTMLAnchorElement>("a[data-action=notebook]")!;
    // made when the reader comes near it
    expect(link.getAttribute("href")).toBe("../notebook");
    link.dispatchEvent(new dom.window.FocusEvent("focus"));
    const href = link.getAttribute("href")!;
    // from /hoofdstuk/... the notebook page is one folder up
    expect(href).toMatch(/^\.\.\/notebook#nb=/);
    const nb = sharedNotebook({search: "", hash: hashOf(href)})!;
    expect(input(nb, "grootte").value).toEqual([meta.sizeClasses[0], meta.sizeClasses[3]]);
    expect(input(nb, "functie").value).toBe("alle");
    expect(input(nb, "weging").value).toBe("gewogen");
    expect([...actions.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"))).toEqual([
      "Tabel 1 downloaden als SVG",
      "Tabel 1 downloaden als PNG",
      "Cijfers van Tabel 1 downloaden als CSV",
      "Kopieer link naar Tabel 1"
    ]);
    expect(actions.querySelector("a[data-action=link]")!.getAttribute("href")).toBe(`http://127.0.0.1:3000/hoofdstuk/beschikbaarheid${filterKey}#tabel-1`);
    expect(actions.querySelector("[role=status]")!.getAttribute("aria-live")).toBe("polite");
  });

  it("a figure without a query (the lab's) offers downloads and a link with the page's own state, and no notebook", () => {
    const figure = figureModule.storyFigure({number: "Figuur A", title: "t", aid: "", chart: document.createElement("div"), table: figureModule.dataTable("t", ["a"], []), n: "n = 1"});
    expect(figure.querySelector("a[data-action=notebook]")).toBeNull();
    expect(figure.querySelector("button[data-action=svg]")).not.toBeNull();
    expect(figure.querySelector("button[data-action=csv]")).toBeNull();
  });

  it("the CSV button hands a CSV to the browser and says so", async () => {
    const saved: Blob[] = [];
    const create = vi.fn((blob: Blob) => (saved.push(blob), "blob:x"));
    Object.assign(URL, {createObjectURL: create, revokeObjectURL: () => {}});
    // jsdom does not navigate; record which file the hidden link would save
    const names: string[] = [];
    vi.spyOn(dom.window.HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const figure = figureModule.storyFigure({number: "Figuur 1", title: "t", aid: "", chart: document.createElement("div"), table: figureModule.dataTable("t", ["a"], []), n: "n = 1", numbers: {kind: "distribution", rows}});
    document.body.append(figure);
    figure.querySelector<HTMLButtonElement>("button[data-action=csv]")!.click();
    await vi.waitFor(() => expect(figure.querySelector("[role=status]")!.textContent).toBe("Figuur 1 gedownload als CSV."));
    expect(saved).toHaveLength(1);
    expect(names).toEqual(["kennisverkenner-figuur-1.csv"]);
    expect(await saved[0].text()).toContain("item_id,vraag,groep,code,antwoord,aandeel,aantal,n,verborgen");
    figure.querySelector<HTMLButtonElement>("button[data-action=svg]")!.click();
    await vi.waitFor(() => expect(figure.querySelector("[role=status]")!.textContent).toBe("Figuur 1 kon niet als SVG worden gedownload: de grafiek is nog niet getekend."));
    figure.remove();
  });
});

describe("figure downloads", () => {
  it("chartSvg: one standalone SVG with the title, the legend as SVG and every chart stacked", () => {
    const container = document.createElement("div");
    const heading = document.createElement("h4");
    heading.textContent = "Tweede schaal";
    container.append(likert.likertChart(rows, {width: 500, y: "group", document}), heading, likert.likertChart(rows, {width: 400, y: "group", document, legend: false}));
    const svg = downloads.chartSvg(container, {title: "Figuur 1: t", color: "#111", background: "#fafafa"})!;
    const parsed = new DOMParser().parseFromString(svg.text, "image/svg+xml");
    expect(parsed.querySelector("parsererror")).toBeNull();
    const root = parsed.documentElement;
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(svg.width).toBe(500);
    const nested = [...root.children].filter((c) => c.tagName === "svg");
    expect(nested).toHaveLength(2);
    expect(Number(nested[1].getAttribute("y"))).toBeGreaterThan(Number(nested[0].getAttribute("y")));
    expect(svg.height).toBeGreaterThanOrEqual(Number(nested[1].getAttribute("y")) + Number(nested[1].getAttribute("height")));
    const texts = [...root.children].filter((c) => c.tagName === "text").map((t) => t.textContent);
    expect(texts).toEqual(["Figuur 1: t", "Niet", "Soms", "Vaak", "Tweede schaal"]);
    // the legend keeps the chart's colours, one per answer
    const swatches = [...root.children].filter((c) => c.tagName === "rect").slice(1).map((r) => r.getAttribute("fill"));
    expect(swatches).toHaveLength(3);
    for (const fill of swatches) expect(fill).toMatch(/^(#[0-9a-f]{6}|rgb)/i);
    expect(new Set(swatches).size).toBe(3);
    expect(root.querySelector("rect")!.getAttribute("fill")).toBe("#fafafa");
    expect(root.getAttribute("style")).toBe("color: #111");
    expect(downloads.chartSvg(document.createElement("div"))).toBeNull();
  });

  it("figureCsv: a hidden group keeps its rows, with value and count empty", () => {
    const csv = downloads.figureCsv({kind: "distribution", rows, labels: {a: "=HYPERLINK(\"x\")"}});
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("item_id,vraag,groep,code,antwoord,aandeel,aantal,n,verborgen");
    expect(lines[1]).toBe(`a,"'=HYPERLINK(""x"")",klein,1,Niet,0.2,3,20,false`);
    expect(lines[4]).toBe(`a,"'=HYPERLINK(""x"")",stad,1,Niet,,,,true`);
    const means = downloads.figureCsv({kind: "means", rows: [
      {group: "klein", n: 12, mean: 2.5, se: 0.1, low: 2.3, high: 2.7, suppressed: false, scale: "s"},
      {group: "Totaal", n: null, mean: null, se: null, low: null, high: null, suppressed: true, scale: "s"}
    ]});
    expect(means.split("\r\n").slice(0, 3)).toEqual(["schaal,groep,gemiddelde,standaardfout,ondergrens,bovengrens,n,verborgen", "s,klein,2.5,0.1,2.3,2.7,12,false", "s,Totaal,,,,,,true"]);
  });

  it("figureAddress and file names", () => {
    expect(downloads.figureAddress("figuur-3", "?functie=secretaris", {origin: "https://x.nl", pathname: "/hoofdstuk/b"})).toBe("https://x.nl/hoofdstuk/b?functie=secretaris#figuur-3");
    expect(downloads.figureFileName("tabel-5", "png")).toBe("kennisverkenner-tabel-5.png");
  });
});
