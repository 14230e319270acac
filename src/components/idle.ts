// The browser's idle time, for work a reader does not wait for (the page's address and links after a filter change,
// the charts drawn ahead, a figure's notebook link). Browsers without requestIdleCallback (Safari) get a timer and a
// short slice of their own: a reader's clicks are seconds apart, so a click that comes during a slice waits little.

export interface IdleDeadline {
  timeRemaining(): number;
}

/** Milliseconds a browser without idle callbacks waits before a slice, and how long the slice is. */
const FALLBACK_DELAY = 50;
const FALLBACK_SLICE = 10;

/** Runs `callback` once the browser is idle (at the latest after `timeout` ms, if given); returns a cancel function. */
export function whenIdle(callback: (deadline: IdleDeadline) => void, {timeout}: {timeout?: number} = {}): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(callback, timeout == null ? undefined : {timeout});
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => {
    const end = performance.now() + FALLBACK_SLICE;
    callback({timeRemaining: () => Math.max(0, end - performance.now())});
  }, FALLBACK_DELAY);
  return () => clearTimeout(timer);
}
