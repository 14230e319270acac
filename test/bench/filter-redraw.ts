// How long a filter change takes to show on a chapter page: from the input event to the last figure painted for the
// new filter. Used by the story bench. Strings are evaluated in the page (tsx would add helpers to named inner
// functions that the page does not have).
import type {Browser, Page} from "playwright-core";

/**
 * A filter state: [size classes left out (bit mask), weighting (0 unweighted, 1 weighted), role (0 everyone, then the
 * roles in form order)]. The first state of each sequence below is the page's default.
 */
export type FilterState = [number, number, number];

/**
 * States in an order where each differs from the one before in one input (one click: a reader's change), and none
 * comes twice (so that no figure is drawn for a filter it was drawn for before): size classes in Gray-code order,
 * within each the weightings, within each the roles, back and forth.
 */
export function filterStates(sizeClasses: number, roles: number): FilterState[] {
  const states: FilterState[] = [];
  for (let g = 0; g < 2 ** sizeClasses; g++) {
    const weightings = g % 2 ? [1, 0] : [0, 1];
    for (const [i, weighted] of weightings.entries()) {
      const order = Array.from({length: roles + 1}, (_, r) => r);
      for (const role of i % 2 ? order.reverse() : order) states.push([g ^ (g >> 1), weighted, role]);
    }
  }
  return states;
}

/**
 * States where each differs from the one before in a size class and the weighting at once (two inputs: the change
 * the reset button or a typed address makes), none twice: no filter one click away, so none a page drew ahead.
 */
export function jumpStates(sizeClasses: number, roles: number): FilterState[] {
  const states: FilterState[] = [];
  for (let role = 0; role <= roles; role++) for (let k = 0; k < 2 ** sizeClasses; k++) states.push([k ^ (k >> 1), k % 2, role]);
  return states;
}

/**
 * Makes the change from `from` to `to` (the inputs that differ: all but the last set quietly, the last clicked, so
 * the page hears one change) and resolves with the milliseconds from the input event until every figure carries the
 * new filter (the URL's query string) and has its chart, and the browser has rendered that frame. A message posted
 * from inside a frame (an animation frame callback, a ResizeObserver callback, or a mutation seen in one) runs as the
 * next task, after that frame's style, layout and paint. Figures that change outside a frame (in the input event's
 * own task) are painted by the next frame: then the message is posted from that frame's animation frame callback.
 * Whether a change happened inside a frame is told by a callback of our own that runs first in every frame while the
 * change is awaited (registered before the change, so before any callback the page registers for it) and a message
 * it posts, which runs once that frame is painted.
 */
export function timeFilterChange(page: Page, from: FilterState, to: FilterState): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const form = document.querySelector(".story-filters");
    const group = (name) => [...form.querySelectorAll('input[name$="-' + name + '"]')];
    const sizes = group("grootte"), weightings = group("weging"), roles = group("functie");
    const [from, to] = [${JSON.stringify(from)}, ${JSON.stringify(to)}];
    const inputs = [];
    sizes.forEach((input, i) => { if (((from[0] ^ to[0]) >> i) & 1) inputs.push([input, !((to[0] >> i) & 1)]); });
    if (from[1] !== to[1]) inputs.push([weightings[to[1]], true]);
    if (from[2] !== to[2]) inputs.push([roles[to[2]], true]);
    const input = inputs.pop()[0];
    for (const [quiet, checked] of inputs) quiet.checked = checked;
    const channel = new MessageChannel();
    let start = 0;
    // every figure shows the filter it is drawn for (data-filter); the new one differs from the old (no state repeats)
    const figures = () => [...document.querySelectorAll("figure.story-figure")];
    const before = figures()[0]?.dataset.filter;
    let clicked = false;
    let waiting = true;
    let inFrame = false;
    const frame = () => {
      if (!waiting) return;
      inFrame = true;
      const after = new MessageChannel();
      after.port1.onmessage = () => { inFrame = false; };
      after.port2.postMessage(null);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const done = () => {
      const all = figures();
      return all.every((f) => f.dataset.filter !== before && f.dataset.filter === all[0].dataset.filter && f.querySelector(".story-figure-chart svg, .story-figure-chart p"));
    };
    const observer = new MutationObserver(() => {
      if (!clicked || !done()) return;
      observer.disconnect();
      channel.port1.onmessage = () => { waiting = false; resolve(performance.now() - start); };
      if (inFrame) channel.port2.postMessage(null);
      else requestAnimationFrame(() => channel.port2.postMessage(null));
    });
    observer.observe(document.body, {childList: true, subtree: true, attributes: true});
    input.addEventListener("input", (event) => { start = event.timeStamp; }, {once: true});
    input.click();
    clicked = true;
  })`) as Promise<number>;
}

/** The sizes of the page's filter form: how many size classes and roles (besides everyone) it offers. */
export async function formShape(page: Page): Promise<{sizeClasses: number; roles: number}> {
  return (await page.evaluate(`(() => {
    const form = document.querySelector(".story-filters");
    const count = (name) => form.querySelectorAll('input[name$="-' + name + '"]').length;
    return {sizeClasses: count("grootte"), roles: count("functie") - 1};
  })()`)) as {sizeClasses: number; roles: number};
}

/**
 * The floor under timeFilterChange on this machine at this moment: the milliseconds from a change of one text node
 * (made in a task of its own, as an input event's handler would) until the browser has painted it, measured the
 * same way (the next frame's animation frame callback posts a message, which runs after that frame's paint).
 */
export function timeEmptyChange(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const probe = window.__benchProbe ??= document.body.appendChild(document.createElement("span"));
    const channel = new MessageChannel();
    const start = performance.now();
    channel.port1.onmessage = () => resolve(performance.now() - start);
    probe.textContent = String(start % 10).slice(0, 3);
    requestAnimationFrame(() => channel.port2.postMessage(null));
  })`) as Promise<number>;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The 95th percentile (nearest rank). */
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

/** Main-thread CPU time of one filter change, in all and split at the end of the input event's own task. */
export interface FilterChangeCpu {
  /** From the input event until the last figure is painted. */
  total: number;
  /** The task that dispatched the input event, from the event on (its microtasks included). */
  inputTask: number;
  /** Every later task until the last figure is painted: the runtime's animation frame, style, layout, paint. */
  later: number;
}

/**
 * The main thread's CPU time for one filter change (the same change as timeFilterChange), from a Chromium trace: the
 * sum of the thread time of the top-level tasks from the input event until the last figure is painted. On a shared
 * machine the wall time waits for other processes; this is the work the page itself does. The task that dispatches
 * the event (here a DevTools evaluation, traced as a RunTask only in the disabled-by-default timeline category) is
 * counted from the event on, in proportion to its part after the event: figures that redraw in the input event's
 * task do that work in the task's microtasks, which no other trace event covers.
 */
export async function filterChangeCpu(browser: Browser, page: Page, from: FilterState, to: FilterState): Promise<FilterChangeCpu> {
  await browser.startTracing(page, {categories: ["devtools.timeline", "toplevel", "disabled-by-default-devtools.timeline"]});
  await timeFilterChange(page, from, to);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events: TraceEvent[] = trace.traceEvents ?? trace;
  const click = events.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "click");
  if (!click) throw new Error("no click in the trace");
  const onMain = events.filter((e) => e.ph === "X" && e.pid === click.pid && e.tid === click.tid && e.ts + (e.dur ?? 0) > click.ts).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let end = -Infinity;
  let inputTask = 0;
  let later = 0;
  for (const e of onMain) {
    if (e.ts < end) continue; // nested in the task counted before
    const dur = e.dur ?? 0;
    const thread = e.tdur ?? dur;
    end = e.ts + dur;
    if (e.ts <= click.ts) inputTask += dur > 0 ? thread * (end - click.ts) / dur : thread;
    else later += thread;
  }
  return {total: (inputTask + later) / 1000, inputTask: inputTask / 1000, later: later / 1000};
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {data?: {type?: string}};
}
