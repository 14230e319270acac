import {describe, expect, it} from "vitest";
import type {Notebook} from "../../../src/components/notebook/notebook.ts";
import {SavedNotebooks, type KeyValueStorage} from "../../../src/components/notebook/saved-notebooks.ts";
import {sharedNotebook, notebookLink} from "../../../src/components/notebook/share.ts";
import {sample} from "./sample-notebook.ts";

function memoryStorage(): KeyValueStorage & {data: Map<string, string>} {
  const data = new Map<string, string>();
  return {data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k)};
}

function clock() {
  let t = Date.parse("2026-01-01T00:00:00Z");
  return () => new Date((t += 1000));
}

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

describe("SavedNotebooks", () => {
  it("saves, lists (last saved first), opens and removes", () => {
    const saved = new SavedNotebooks(memoryStorage(), clock(), ids());
    const a = saved.save(sample);
    const b = saved.save({...sample, title: "Tweede"});
    expect(saved.list().map((e) => [e.id, e.title])).toEqual([[b, "Tweede"], [a, sample.title]]);
    expect(saved.open(a)).toEqual(sample);
    saved.remove(a);
    expect(saved.open(a)).toBeNull();
    expect(saved.list().map((e) => e.id)).toEqual([b]);
  });
  it("opening a shared link never overwrites a saved notebook: saving it makes a new entry", () => {
    const saved = new SavedNotebooks(memoryStorage(), clock(), ids());
    const mine = saved.save(sample);
    const link = notebookLink({...sample, title: sample.title, cells: sample.cells.slice(0, 1)});
    const shared = sharedNotebook({search: "", hash: link.slice(link.indexOf("#"))})!;
    // the page keeps no saved id for a notebook opened from a link, so "Bewaar" saves it anew
    const theirs = saved.save(shared);
    expect(theirs).not.toBe(mine);
    expect(saved.open(mine)).toEqual(sample);
    expect(saved.open(theirs)).toEqual(shared);
  });
  it("saves over a notebook only when asked to by its id", () => {
    const saved = new SavedNotebooks(memoryStorage(), clock(), ids());
    const id = saved.save(sample);
    const edited: Notebook = {...sample, title: "Bewerkt"};
    expect(saved.save(edited, id)).toBe(id);
    expect(saved.list()).toHaveLength(1);
    expect(saved.open(id)).toEqual(edited);
  });
  it("treats storage as untrusted: a broken index reads as empty, a tampered notebook is refused", () => {
    const storage = memoryStorage();
    const saved = new SavedNotebooks(storage, clock(), ids());
    storage.setItem("kennisverkenner:notebooks", "{not json");
    expect(saved.list()).toEqual([]);
    storage.setItem("kennisverkenner:notebooks", JSON.stringify([{id: "../x", title: "x", savedAt: "1"}]));
    expect(saved.list()).toEqual([]);
    const id = saved.save(sample);
    storage.setItem(`kennisverkenner:notebook:${id}`, JSON.stringify({...sample, cells: [{kind: "html", id: "h"}]}));
    expect(() => saved.open(id)).toThrow(/het veld "kind" moet een van/);
  });
});
