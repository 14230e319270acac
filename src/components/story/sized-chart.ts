// A chart drawn at the width of its place on the page and drawn again when that width changes, like Framework's
// resize(render), but kept on the page across filter changes: a filter change hands it new data (`draw`), and it
// draws them at once at the width it already has, so the browser lays the page out once and the new chart is in the
// next frame. The first draw waits for the browser to report the width; a rotated phone or a resized window draws
// again at the new width. A chart whose data did not change (the same key) is not drawn again. A chart made again
// for a figure already seen (the needs figures of a size class chosen again) starts at the width that figure had.

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
  const paint = () => {
    if (drawn && width === drawnWidth && current.key === drawnKey) return;
    drawn = true;
    drawnKey = current.key;
    drawnWidth = width;
    div.replaceChildren(...(width > 0 ? [current.render(width)] : []));
  };
  div.draw = (key, render) => {
    current = {key, render};
    if (width > 0) paint();
  };
  div.fail = (message) => {
    drawn = false;
    const p = document.createElement("p");
    p.className = "story-figure-error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    div.replaceChildren(p);
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
