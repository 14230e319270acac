// A chart drawn at the width of its place on the page and drawn again when that width changes, like Framework's
// resize(render), but kept on the page across filter changes: a filter change hands it new data (`draw`), and it
// draws them at once at the width it already has, so the browser lays the page out once and the new chart is in the
// next frame. The first draw waits for the browser to report the width; a rotated phone or a resized window draws
// again at the new width. A chart whose data did not change (the same key) is not drawn again. A chart made again
// for a figure already seen (the needs figures of a size class chosen again) starts at the width that figure had.
// Charts drawn ahead (story/draw-ahead.ts: the charts of the filters one click away, drawn while the reader reads)
// and the chart a filter change takes off the page are kept on the page, each on a sheet of its own beside the shown
// one, laid out once and then skipped by the browser (content-visibility: hidden), so that a change to one of them
// shows a chart whose layout the browser kept, instead of laying out a chart new to the page.

/** The last width each chart was drawn at, by its id (a figure number, and which chart of the figure). */
const widths = new Map<string, number>();

export interface SizedChart extends HTMLDivElement {
  /**
   * Draws `render` at the chart's width: at once when the width is known, else as soon as the browser reports it.
   * `key` names the data (e.g. their numbers joined): when it equals the key of what is on screen, nothing is drawn.
   */
  draw(key: string, render: (width: number) => Node): void;
  /** Shows `message` instead of the chart (its data could not be had); the next draw draws again whatever its key. */
  fail(message: string): void;
  /**
   * Draws `render` now on a hidden sheet, kept for a later draw with the same key (nothing when that chart is shown
   * or already kept, or the width is not known yet).
   */
  prepare(key: string, render: (width: number) => Node): void;
}

/**
 * Sheets kept per chart: the filters one click away (7 for the report's four size classes and two roles), and some
 * to come back to. The oldest go first.
 */
const KEPT = 16;

/** The class of a chart's sheets; the shown one has data-shown. */
export const SHEET = "story-chart-sheet";

/** Whether an element of a chart is on the shown sheet (false for one on a sheet kept out of sight). */
export function isShown(element: Element): boolean {
  return element.closest(`.${SHEET}:not([data-shown])`) == null;
}

function sheetOf(node: Node): HTMLDivElement {
  const sheet = document.createElement("div");
  sheet.className = SHEET;
  sheet.append(node);
  return sheet;
}

/**
 * Shown: rendered and read. Kept: its rendering skipped (content-visibility: hidden: no size, no paint, no pointer,
 * not read), its layout kept by the browser for when it is shown again.
 */
function setShown(sheet: HTMLElement, shown: boolean): void {
  sheet.style.contentVisibility = shown ? "" : "hidden";
  if (shown) {
    sheet.removeAttribute("aria-hidden");
    sheet.dataset.shown = "";
  } else {
    sheet.setAttribute("aria-hidden", "true");
    delete sheet.dataset.shown;
  }
}

/**
 * Lays a sheet drawn ahead out now (an idle moment), at the chart's width and out of sight, then keeps it: hidden
 * before its first layout, the browser would lay it out only when it is shown.
 */
function layOut(sheet: HTMLElement): void {
  Object.assign(sheet.style, {position: "absolute", inset: "0 0 auto 0", opacity: "0"});
  sheet.getBoundingClientRect();
  Object.assign(sheet.style, {position: "", inset: "", opacity: ""});
}

/** A chart with the id `id` (unique on the page), first drawn from `render` (whose data `key` names, if given). */
export function sizedChart(id: string, render: (width: number) => Node, key: string | null = null): SizedChart {
  const div = document.createElement("div") as SizedChart;
  div.style.position = "relative";
  // Its own compositing layer: a redrawn chart is painted and handed to the compositor on its own, not with the
  // whole page's text (measured: the frame's commit went from about 5 ms to under 1 ms on a loaded machine).
  div.style.willChange = "transform";
  let width = 0;
  let drawn = false;
  let drawnKey: string | null = null;
  let drawnWidth = 0;
  let current: {key: string | null; render: (width: number) => Node} = {key, render};
  let shown: HTMLElement | null = null;
  /** Kept sheets by the key of their data, all at the width drawn, the oldest first. */
  const kept = new Map<string, HTMLElement>();
  const keep = (key: string, sheet: HTMLElement) => {
    setShown(sheet, false);
    kept.delete(key);
    kept.set(key, sheet);
    if (kept.size > KEPT) {
      const [oldest, gone] = kept.entries().next().value!;
      kept.delete(oldest);
      gone.remove();
    }
  };
  const forget = () => {
    for (const sheet of kept.values()) sheet.remove();
    kept.clear();
  };
  const paint = () => {
    if (drawn && width === drawnWidth && current.key === drawnKey) return;
    // Sheets drawn at another width are of no more use.
    if (width !== drawnWidth) forget();
    // What goes out of sight is one click away from what comes on: keep it to come back to.
    if (shown && drawn && drawnKey != null && width === drawnWidth) keep(drawnKey, shown);
    else shown?.remove();
    shown = null;
    div.querySelector(":scope > .story-figure-error")?.remove();
    drawn = true;
    drawnKey = current.key;
    drawnWidth = width;
    if (width <= 0) return;
    let sheet = current.key == null ? undefined : kept.get(current.key);
    if (sheet) kept.delete(current.key!);
    else div.append((sheet = sheetOf(current.render(width))));
    setShown(sheet, true);
    shown = sheet;
  };
  div.draw = (key, render) => {
    current = {key, render};
    if (width > 0) paint();
  };
  div.fail = (message) => {
    drawn = false;
    forget();
    shown = null;
    const p = document.createElement("p");
    p.className = "story-figure-error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    div.replaceChildren(p);
  };
  div.prepare = (key, render) => {
    if (width <= 0 || width !== drawnWidth || (drawn && key === drawnKey) || kept.has(key)) return;
    const sheet = sheetOf(render(width));
    div.append(sheet);
    layOut(sheet);
    keep(key, sheet);
  };
  const known = widths.get(id);
  if (known) {
    width = known;
    paint();
  }
  new ResizeObserver(([entry]) => {
    width = entry.contentRect.width;
    if (width > 0) widths.set(id, width);
    paint();
  }).observe(div);
  return div;
}
