// whenIdle: the browser's idle callback where there is one, else a timer with a slice of its own; both can be cancelled.
import {afterEach, describe, expect, test} from "vitest";
import {whenIdle} from "../../src/components/idle.ts";

afterEach(() => {
  delete (globalThis as any).requestIdleCallback;
  delete (globalThis as any).cancelIdleCallback;
});

describe("whenIdle(callback, {timeout})", () => {
  test("uses the browser's idle callback with the timeout, and cancels it", () => {
    const asked: [IdleRequestCallback, IdleRequestOptions | undefined][] = [];
    const cancelled: number[] = [];
    (globalThis as any).requestIdleCallback = (callback: IdleRequestCallback, options?: IdleRequestOptions) => asked.push([callback, options]);
    (globalThis as any).cancelIdleCallback = (handle: number) => cancelled.push(handle);
    const cancel = whenIdle(() => {}, {timeout: 500});
    expect(asked[0][1]).toEqual({timeout: 500});
    cancel();
    expect(cancelled).toEqual([1]);
  });

  test("without one (Safari), runs after a timer with a slice of time left, unless cancelled", async () => {
    const left: number[] = [];
    whenIdle((deadline) => left.push(deadline.timeRemaining()));
    const cancel = whenIdle(() => left.push(-1));
    cancel();
    expect(left).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(left).toHaveLength(1);
    expect(left[0]).toBeGreaterThan(0);
  });
});
