// @vitest-environment jsdom
// A live figure follows the filter form by itself: a change redraws it without waiting for an animation frame (no
// frame ever comes in this test), in place (the same figure element, its n line, table and data-filter updated);
// an answer for a filter that is no longer current is dropped, and a chart whose data did not change is not drawn.
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {filterForm, onFilterChange, type FilterDomain, type FilterForm} from "../../../src/components/filters.ts";
import {dataTable, storyFigure} from "../../../src/components/story/figure.ts";
import {liveFigure} from "../../../src/components/story/live-figure.ts";
import type {FigureUpdate} from "../../../src/components/story/figure.ts";
import type {StoryFilter} from "../../../src/components/story/model.ts";

const domain: FilterDomain = {sizeClasses: ["<25.000", "25.001-50.000"], roles: ["gemeentesecretaris", "andere functie"]};

/** A ResizeObserver that reports a width as soon as it observes, like a laid-out page would. */
class ReportingResizeObserver {
  constructor(private readonly callback: (entries: {contentRect: {width: number}}[]) => void) {}
  observe() {
    this.callback([{contentRect: {width: 600}}]);
  }
  disconnect() {}
}

let drawn: string[];
let form: FilterForm;
/** Frames asked for and not yet given: a test gives them with `paint()`. */
let frames: FrameRequestCallback[];
const paint = async () => {
  for (const frame of frames.splice(0)) frame(0);
  await new Promise((resolve) => setTimeout(resolve, 0));
};
/** Idle periods asked for and not yet given: a test gives them with `idle()` (drawing ahead happens only then). */
let idlePeriods: Map<number, IdleRequestCallback>;
let idleHandles = 0;
const idle = async () => {
  for (let round = 0; round < 20 && idlePeriods.size; round++) {
    const callbacks = [...idlePeriods.values()];
    idlePeriods.clear();
    for (const callback of callbacks) callback({didTimeout: false, timeRemaining: () => 50});
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};

beforeEach(() => {
  drawn = [];
  (globalThis as any).ResizeObserver = ReportingResizeObserver;
  // No frame comes unless a test paints one: whatever the figure shows after a change, it did without one.
  frames = [];
  (globalThis as any).requestAnimationFrame = (frame: FrameRequestCallback) => frames.push(frame);
  idlePeriods = new Map();
  (globalThis as any).requestIdleCallback = (callback: IdleRequestCallback) => (idlePeriods.set(++idleHandles, callback), idleHandles);
  (globalThis as any).cancelIdleCallback = (handle: number) => idlePeriods.delete(handle);
  history.replaceState(null, "", "/hoofdstuk/test");
  form = filterForm(domain);
  document.body.append(form);
});
afterEach(() => {
  delete (globalThis as any).ResizeObserver;
  delete (globalThis as any).requestAnimationFrame;
  delete (globalThis as any).requestIdleCallback;
  delete (globalThis as any).cancelIdleCallback;
  form.remove();
});

/** What the test figure shows: one number per filter (the role), drawn as a chart that records what it drew. */
const numberOf = (filter: StoryFilter) => (filter.role === "alle" ? 101 : filter.role === "gemeentesecretaris" ? 40 : 61);
const charts = (n: number, filter: StoryFilter) => [{key: String(n), render: () => (drawn.push(`${n} ${filter.role}`), document.createElementNS("http://www.w3.org/2000/svg", "svg"))}];
const update = (n: number, filter: StoryFilter): FigureUpdate => ({filterKey: filter.role === "alle" ? "" : `?functie=${filter.role}`, n: `n = ${n} gemeenten`, table: dataTable("Test", ["Groep", "n"], [["Totaal", String(n)]])});
const view = {charts, update};
const figureOf = (number: string) => (shown: Node[], first: FigureUpdate) =>
  storyFigure({number, title: "Test", aid: "Test", chart: shown[0], table: first.table, n: first.n, filterKey: first.filterKey, actions: false});
const choose = (role: string) => form.querySelector<HTMLInputElement>(`input[type=radio][value="${role}"]`)!.click();
/** Lets every pending promise settle (the end of the current task), without waiting for any timer or frame. */
const endOfTask = () => new Promise<void>((resolve) => queueMicrotask(() => setImmediate(resolve)));

describe("liveFigure(form, {rows, view, figure})", () => {
  test("a filter change redraws the figure in place without an animation frame: chart, n line, table, data-filter", async () => {
    const figure = await liveFigure(form, {id: "Figuur 90", rows: numberOf, ...view, figure: figureOf("Figuur 90")});
    document.body.append(figure);
    expect(drawn).toEqual(["101 alle"]);
    choose("gemeentesecretaris");
    await endOfTask();
    expect(document.querySelector("figure")).toBe(figure);
    expect(drawn).toEqual(["101 alle", "40 gemeentesecretaris"]);
    expect(figure.dataset.filter).toBe("?functie=gemeentesecretaris");
    expect(figure.querySelector("figcaption")!.textContent).toContain("n = 40 gemeenten");
    expect(figure.querySelector("details table td")!.textContent).toBe("40");
    figure.remove();
  });

  test("an answer that arrives after a newer filter was chosen is dropped", async () => {
    const answers = new Map<string, (n: number) => void>();
    const rows = (filter: StoryFilter) => (filter.role === "alle" ? 101 : new Promise<number>((resolve) => answers.set(filter.role, resolve)));
    const figure = await liveFigure(form, {id: "Figuur 91", rows, ...view, figure: figureOf("Figuur 91")});
    choose("gemeentesecretaris");
    choose("andere functie");
    answers.get("andere functie")!(61);
    await endOfTask();
    answers.get("gemeentesecretaris")!(40);
    await endOfTask();
    expect(figure.dataset.filter).toBe("?functie=andere functie");
    expect(drawn).toEqual(["101 alle", "61 andere functie"]);
  });

  test("a chart whose data did not change is not drawn again; the figure still carries the new filter", async () => {
    const figure = await liveFigure(form, {id: "Figuur 92", rows: () => 7, ...view, figure: figureOf("Figuur 92")});
    choose("gemeentesecretaris");
    await endOfTask();
    expect(drawn).toEqual(["7 alle"]);
    expect(figure.dataset.filter).toBe("?functie=gemeentesecretaris");
  });
});

describe("liveFigure drawing ahead", () => {
  test("while the page is idle, the charts of the filters one click away are drawn; choosing one only puts it in place", async () => {
    const figure = await liveFigure(form, {id: "Figuur 94", rows: numberOf, ...view, figure: figureOf("Figuur 94")});
    document.body.append(figure);
    // nothing is drawn ahead until the browser is idle
    await endOfTask();
    expect(drawn).toEqual(["101 alle"]);
    expect(form.dataset.drawnAhead).toBeUndefined();
    await idle();
    expect(form.dataset.drawnAhead).toBe("");
    // the other roles (the size classes and weighting do not change this figure's number, so its chart)
    expect(drawn).toEqual(["101 alle", "40 gemeentesecretaris", "61 andere functie"]);
    const before = drawn.length;
    choose("gemeentesecretaris");
    await endOfTask();
    expect(drawn).toHaveLength(before);
    expect(figure.dataset.filter).toBe("?functie=gemeentesecretaris");
    expect(figure.querySelector("figcaption")!.textContent).toContain("n = 40 gemeenten");
    expect(figure.querySelectorAll(".story-figure-chart [data-shown] svg")).toHaveLength(1);
    // back to the filter before: its chart was kept when it left the page
    choose("alle");
    await endOfTask();
    expect(drawn).toHaveLength(before);
    expect(figure.querySelector("figcaption")!.textContent).toContain("n = 101 gemeenten");
    figure.remove();
  });

  test("a change stops what was being drawn ahead, and starts over from the new filter once it has settled", async () => {
    const figure = await liveFigure(form, {id: "Figuur 95", rows: numberOf, ...view, figure: figureOf("Figuur 95")});
    choose("andere functie");
    await endOfTask();
    expect(drawn).toEqual(["101 alle", "61 andere functie"]);
    // the jobs planned for the first filter are dropped, and nothing is planned while the reader may click again
    await paint();
    await idle();
    expect(drawn).toEqual(["101 alle", "61 andere functie"]);
    expect(form.dataset.drawnAhead).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await idle();
    expect(drawn).toEqual(["101 alle", "61 andere functie", "40 gemeentesecretaris"]);
    expect(form.dataset.drawnAhead).toBe("");
    figure.remove();
  });
});

describe("liveFigure when the engine cannot answer", () => {
  test("the figure says why in place of its chart, never showing the previous filter's chart; the next filter draws again", async () => {
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      const rows = (filter: StoryFilter) => {
        if (filter.role === "gemeentesecretaris") throw new Error("invalid filter for the protected tables");
        return numberOf(filter);
      };
      const figure = await liveFigure(form, {id: "Figuur 93", rows, ...view, figure: figureOf("Figuur 93")});
      choose("gemeentesecretaris");
      await endOfTask();
      expect(figure.querySelector(".story-figure-chart svg")).toBeNull();
      expect(figure.querySelector(".story-figure-chart p[role=alert]")!.textContent).toBe("Deze figuur kon niet opnieuw worden getekend: invalid filter for the protected tables");
      expect(errors).toHaveLength(1);
      choose("alle");
      await endOfTask();
      expect(figure.querySelector(".story-figure-chart p")).toBeNull();
      expect(drawn).toEqual(["101 alle", "101 alle"]);
    } finally {
      console.error = consoleError;
    }
  });
});

describe("onFilterChange(form, listener)", () => {
  test("hears each change once, inside the input event's dispatch; the URL follows when the browser is idle, for the last change", async () => {
    const heard: StoryFilter[] = [];
    onFilterChange(form, (filter) => heard.push(filter));
    choose("andere functie");
    form.querySelector<HTMLInputElement>(`input[type=checkbox][value="<25.000"]`)!.click();
    expect(heard).toEqual([
      {sizes: domain.sizeClasses, role: "andere functie", weighted: false},
      {sizes: ["25.001-50.000"], role: "andere functie", weighted: false}
    ]);
    // not yet: the address is written once the browser is idle (after the frame that shows the change), once
    expect(location.search).toBe("");
    await paint();
    expect(location.search).toBe("");
    await idle();
    expect(location.search).toBe("?grootte=middel&functie=ander");
    choose("alle");
    await idle();
    expect(location.search).toBe("?grootte=middel");
  });
});
