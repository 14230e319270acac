// @vitest-environment jsdom
// sizedChart draws a redrawn figure's chart at once, at the width the same figure had, so that a filter change costs
// the browser one layout; a chart seen for the first time waits for its width, and a new width redraws it. A filter
// change hands the same chart new data (draw): drawn at once at its width, and not at all when the data are the same.
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {isShown, sizedChart} from "../../../src/components/story/sized-chart.ts";

/** The chart the reader sees: the one on the shown sheet (kept charts are on transparent sheets under it). */
const shown = (div: Element) => [...div.querySelectorAll("svg")].filter(isShown);

/** A ResizeObserver the test drives: `report(width)` is what the browser does after laying the page out. */
class FakeResizeObserver {
  static last: FakeResizeObserver | undefined;
  constructor(private readonly callback: (entries: {contentRect: {width: number}}[]) => void) {
    FakeResizeObserver.last = this;
  }
  observe() {}
  disconnect() {}
  report(width: number) {
    this.callback([{contentRect: {width}}]);
  }
}

let drawn: number[];
const chart = (width: number) => {
  drawn.push(width);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", String(width));
  return svg;
};

beforeEach(() => {
  drawn = [];
  (globalThis as any).ResizeObserver = FakeResizeObserver;
});
afterEach(() => delete (globalThis as any).ResizeObserver);

describe("sizedChart(key, render)", () => {
  test("a first chart waits for the width the page gives it", () => {
    const div = sizedChart("Figuur 3 (first)", chart);
    expect(div.childElementCount).toBe(0);
    FakeResizeObserver.last!.report(640);
    expect(drawn).toEqual([640]);
    expect(div.querySelector("svg")!.getAttribute("width")).toBe("640");
  });

  test("the same figure drawn again (a filter change) has its chart at once, and the same width does not draw it twice", () => {
    sizedChart("Figuur 3 (again)", chart);
    FakeResizeObserver.last!.report(640);
    drawn = [];
    const again = sizedChart("Figuur 3 (again)", chart);
    expect(drawn).toEqual([640]);
    expect(again.querySelector("svg")).not.toBeNull();
    FakeResizeObserver.last!.report(640);
    expect(drawn).toEqual([640]);
  });

  test("another width (a phone turned, a window resized) draws the chart again at that width", () => {
    sizedChart("Figuur 4", chart);
    FakeResizeObserver.last!.report(640);
    const again = sizedChart("Figuur 4", chart);
    FakeResizeObserver.last!.report(358);
    expect(drawn).toEqual([640, 640, 358]);
    expect(again.querySelectorAll("svg").length).toBe(1);
    expect(again.querySelector("svg")!.getAttribute("width")).toBe("358");
  });

  test("charts of different figures keep their own widths", () => {
    sizedChart("Figuur 10", chart);
    FakeResizeObserver.last!.report(300);
    sizedChart("Tabel 1 beschikbaarheid", chart);
    FakeResizeObserver.last!.report(640);
    drawn = [];
    sizedChart("Figuur 10", chart);
    sizedChart("Tabel 1 beschikbaarheid", chart);
    expect(drawn).toEqual([300, 640]);
  });

  test("draw(key, render) redraws in place at once at the chart's width; the same key draws nothing", () => {
    const div = sizedChart("Figuur 6", chart, "alle");
    FakeResizeObserver.last!.report(500);
    drawn = [];
    const other = (width: number) => chart(width + 1);
    div.draw("secretaris", other);
    expect(drawn).toEqual([501]);
    div.draw("secretaris", other);
    expect(drawn).toEqual([501]);
    // the browser reports the same width after the new chart is laid out: no second draw
    FakeResizeObserver.last!.report(500);
    expect(drawn).toEqual([501]);
    expect(shown(div).map((svg) => svg.getAttribute("width"))).toEqual(["501"]);
  });

  test("data handed over before the width is known are drawn once the width is reported", () => {
    const div = sizedChart("Figuur 7 (no width yet)", chart, "alle");
    div.draw("ander", (width) => chart(width * 2));
    expect(drawn).toEqual([]);
    FakeResizeObserver.last!.report(300);
    expect(drawn).toEqual([600]);
  });

  test("prepare(key, render) draws on a hidden sheet; a later draw of that key shows it without drawing", () => {
    const div = sizedChart("Figuur 8 (ahead)", chart, "alle");
    FakeResizeObserver.last!.report(400);
    const ahead = (width: number) => chart(width + 2);
    div.prepare("secretaris", ahead);
    expect(drawn).toEqual([400, 402]);
    expect(shown(div).map((svg) => svg.getAttribute("width"))).toEqual(["400"]);
    // the kept chart is on the page (laid out already) but its rendering is skipped, and it is not read out
    const kept = div.querySelectorAll<HTMLElement>("svg")[1].parentElement!;
    expect(kept.getAttribute("aria-hidden")).toBe("true");
    expect(kept.style.contentVisibility).toBe("hidden");
    expect(kept.style.position).toBe("");
    // prepared once: asking again, or for what is shown, draws nothing
    div.prepare("secretaris", ahead);
    div.prepare("alle", chart);
    expect(drawn).toEqual([400, 402]);
    div.draw("secretaris", ahead);
    expect(drawn).toEqual([400, 402]);
    expect(shown(div).map((svg) => svg.getAttribute("width"))).toEqual(["402"]);
    expect(kept.hasAttribute("aria-hidden")).toBe(false);
    expect(kept.style.contentVisibility).toBe("");
    // the chart the change took out of sight is kept: going back draws nothing either
    div.draw("alle", chart);
    expect(drawn).toEqual([400, 402]);
    expect(shown(div).map((svg) => svg.getAttribute("width"))).toEqual(["400"]);
    expect(div.querySelectorAll("svg")).toHaveLength(2);
  });

  test("at most 16 charts are kept: the oldest leave the page", () => {
    const div = sizedChart("Figuur 11 (many)", chart, "k0");
    FakeResizeObserver.last!.report(300);
    for (let k = 1; k <= 20; k++) div.prepare(`k${k}`, chart);
    expect(div.querySelectorAll("svg")).toHaveLength(17);
    drawn = [];
    div.draw("k20", chart);
    div.draw("k2", chart);
    expect(drawn).toEqual([300]);
  });

  test("a new width (a phone turned) draws again and drops the charts kept at the old width", () => {
    const div = sizedChart("Figuur 9 (ahead, resized)", chart, "alle");
    FakeResizeObserver.last!.report(400);
    div.prepare("ander", chart);
    FakeResizeObserver.last!.report(360);
    expect(div.querySelectorAll("svg")).toHaveLength(1);
    div.draw("ander", chart);
    expect(drawn).toEqual([400, 400, 360, 360]);
    expect(shown(div).map((svg) => svg.getAttribute("width"))).toEqual(["360"]);
    expect(div.querySelectorAll("svg")).toHaveLength(2);
  });
});
