import {describe, expect, it} from "vitest";
import {NotebookError} from "../../../src/components/notebook/notebook.ts";
import {notebookFile, readNotebookFile} from "../../../src/components/notebook/notebook-file.ts";
import {sample} from "./sample-notebook.ts";

describe(".kvnb.json files", () => {
  it("save and open a notebook unchanged, named after its title", () => {
    const file = notebookFile(sample);
    expect(file.name).toBe("beschikbaarheid-naar-grootte.kvnb.json");
    expect(file.type).toBe("application/json");
    expect(readNotebookFile(file.text)).toEqual(sample);
    expect(readNotebookFile("\uFEFF" + file.text)).toEqual(sample);
  });
  it("name files without a usable title 'notebook'", () => {
    expect(notebookFile({...sample, title: "<script>"}).name).toBe("script.kvnb.json");
    expect(notebookFile({...sample, title: "»«"}).name).toBe("notebook.kvnb.json");
    expect(notebookFile({...sample, title: "Één ../../etc"}).name).toBe("een-etc.kvnb.json");
  });
  it("refuse files that are not notebooks, naming cell and field", () => {
    expect(() => readNotebookFile('{"version":1,"title":"x","cells":[{"kind":"text","id":"t","markdown":"","onclick":"x"}]}')).toThrow(NotebookError);
    expect(() => readNotebookFile("x".repeat(5_000_001))).toThrow(/groter dan 5 MB/);
  });
});
