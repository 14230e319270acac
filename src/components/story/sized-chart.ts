// A chart drawn at the width of its place on the page and drawn again when that width changes, like Framework's
// resize(render). The difference is in a filter change: the page then builds a new figure, and resize() can only draw
// its chart once the browser has laid the new figure out and reported its width, after which the browser lays the
// page out a second time with the chart in it. Here the chart is drawn at once, at the width the same figure had
// before, so a filter change costs one layout; the observer still redraws it if that width turns out different
// (a first draw, a rotated phone, a resized window).

/** The last width each chart was drawn at, by its key (a figure number, and which chart of the figure). */
const widths = new Map<string, number>();

export function sizedChart(key: string, render: (width: number) => Node): HTMLDivElement {
  const div = document.createElement("div");
  div.style.position = "relative";
  let current = widths.get(key);
  if (current) div.append(render(current));
  new ResizeObserver(([entry]) => {
    const {width} = entry.contentRect;
    if (width === current) return;
    current = width;
    if (width > 0) widths.set(key, width);
    div.replaceChildren(...(width > 0 ? [render(width)] : []));
  }).observe(div);
  return div;
}
