import {describe, expect, it} from "vitest";
import {createStore} from "../../../src/components/sql/store.js";

describe("createStore", () => {
  it("merges a patch and tells listeners which keys changed", () => {
    const store = createStore({page: 0, status: "", rows: [] as number[]});
    const heard: string[][] = [];
    const stop = store.subscribe((_, changed) => heard.push([...changed]));
    const rows = [1, 2];
    store.set({page: 1, status: "", rows});
    expect(store.state).toEqual({page: 1, status: "", rows});
    expect(heard).toEqual([["page", "rows"]]);
    store.set({page: 1});
    expect(heard).toHaveLength(1); // nothing changed, nobody called
    stop();
    store.set({page: 2});
    expect(heard).toHaveLength(1);
    expect(store.state.page).toBe(2);
  });
  it("never changes the state object a listener was given", () => {
    const store = createStore({n: 0});
    const before = store.state;
    store.set({n: 1});
    expect(before.n).toBe(0);
  });
});
