import {describe, expect, it} from "vitest";
import {dependencyGraph, sqlReferences} from "../../../src/components/notebook/dependencies.ts";
import type {Cell, Notebook} from "../../../src/components/notebook/notebook.ts";

const nb = (cells: Cell[]): Notebook => ({version: 1, title: "", cells});
const sql = (id: string, name: string, text: string): Cell => ({kind: "sql", id, name, sql: text});
const select = (id: string, name: string): Cell => ({kind: "input", id, name, control: "select", options: ["a"], value: "a"});

describe("sqlReferences", () => {
  it("finds tables after FROM and JOIN, in FROM lists and in survey table functions", () => {
    expect(sqlReferences("SELECT * FROM a JOIN b USING (id) LEFT JOIN c ON c.x = a.x, d").tables).toEqual(["a", "b", "c"]);
    expect(sqlReferences("SELECT x, y FROM a AS p, b q WHERE x IN (SELECT 1 FROM c, d)").tables).toEqual(["a", "b", "c", "d"]);
    expect(sqlReferences("FROM survey_mean('tabel1', 'beschikbaarheid')").tables).toEqual(["tabel1"]);
    expect(sqlReferences("SELECT * FROM main.a, \"B\"").tables).toEqual(["B"]);
    expect(sqlReferences("SELECT * FROM read_csv('x.csv')").tables).toEqual([]);
  });
  it("ignores names inside strings, quoted identifiers, dollar quotes and comments", () => {
    const refs = sqlReferences("SELECT 'FROM a $p', $$FROM b $q$$ -- FROM c $r\n/* JOIN d $s */ FROM e WHERE x = $t");
    expect(refs).toEqual({tables: ["e"], parameters: ["t"], positional: false});
  });
  it("notices positional parameters", () => {
    expect(sqlReferences("SELECT $1").positional).toBe(true);
  });
});

describe("dependencyGraph", () => {
  // positions deliberately out of dependency order
  const notebook = nb([
    {kind: "chart", id: "g", from: "tabel2", mark: "bar", x: "a", y: "n"},
    sql("q2", "tabel2", "SELECT a, count(*) AS n FROM tabel1 GROUP BY a"),
    {kind: "text", id: "t", markdown: "FROM tabel1"},
    sql("q1", "tabel1", "SELECT * FROM respondents WHERE size_class = $grootte"),
    sql("q3", "tabel3", "SELECT * FROM respondents"),
    select("i", "grootte")
  ]);
  const graph = dependencyGraph(notebook);
  it("orders every cell after the cells it reads, whatever its position", () => {
    const at = (id: string) => graph.order.indexOf(id);
    expect(graph.order).toHaveLength(6);
    expect(at("i")).toBeLessThan(at("q1"));
    expect(at("q1")).toBeLessThan(at("q2"));
    expect(at("q2")).toBeLessThan(at("g"));
    expect([...graph.links.values()].every((l) => l.error === null)).toBe(true);
  });
  it("gives exactly the transitive dependants of a change, in run order", () => {
    expect(graph.dependants(["i"])).toEqual(["q1", "q2", "g"]);
    expect(graph.dependants(["q2"])).toEqual(["g"]);
    expect(graph.dependants(["q3"])).toEqual([]);
    expect(graph.dependants(["q2", "q1"])).toEqual(["g"]);
  });
  it("names a cycle on each cell in it, and does not throw", () => {
    const g = dependencyGraph(nb([sql("a", "x", "FROM y"), sql("b", "y", "FROM x"), sql("c", "z", "FROM y"), sql("d", "s", "FROM s")]));
    expect(g.links.get("a")!.error).toBe("Cel x hangt van zichzelf af: x → y → x.");
    expect(g.links.get("b")!.error).toBe("Cel y hangt van zichzelf af: y → x → y.");
    expect(g.links.get("c")!.error).toBeNull();
    expect(g.links.get("d")!.error).toBe("Cel s hangt van zichzelf af: s → s.");
    expect(g.order.sort()).toEqual(["a", "b", "c", "d"]);
  });
  it("names an unknown parameter or chart source on that cell", () => {
    const g = dependencyGraph(nb([sql("a", "x", "SELECT $onbekend"), {kind: "chart", id: "g", from: "nergens", mark: "bar", x: "a"}, sql("b", "y", "SELECT $x"), sql("c", "z", "SELECT $1")]));
    expect(g.links.get("a")!.error).toBe("Cel x: onbekende parameter $onbekend; maak een invoercel met de naam onbekend.");
    expect(g.links.get("g")!.error).toBe("Grafiek g: er is geen SQL-cel met de naam nergens.");
    expect(g.links.get("b")!.error).toBe("Cel y: $x is een SQL-cel, geen invoer; lees een tabel met FROM x.");
    expect(g.links.get("c")!.error).toMatch(/^Cel z: genummerde parameters/);
  });
});
