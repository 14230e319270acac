import {describe, expect, it} from "vitest";
import {bindParameters, ParameterError} from "../../../src/components/sql/parameters.js";

describe("bindParameters", () => {
  it("replaces names by positions in order of first use and passes the values in that order", () => {
    const bound = bindParameters("SELECT * FROM respondents WHERE size_class = $grootte AND role = $functie OR size_class = $grootte", {functie: "secretaris", grootte: "<25.000"});
    expect(bound.sql).toBe("SELECT * FROM respondents WHERE size_class = $1 AND role = $2 OR size_class = $1");
    expect(bound.values).toEqual(["<25.000", "secretaris"]);
    expect(bound.names).toEqual(["grootte", "functie"]);
  });
  it("leaves $name alone inside strings, quoted names, dollar-quoted text and comments", () => {
    const sql = `SELECT '$a', E'it\\'s $a', "$a", $$ $a $$, $tag$ $a $tag$ -- $a\n/* $a */, $a`;
    const bound = bindParameters(sql, {a: 1});
    expect(bound.sql).toBe(`SELECT '$a', E'it\\'s $a', "$a", $$ $a $$, $tag$ $a $tag$ -- $a\n/* $a */, $1`);
    expect(bound.values).toEqual([1]);
  });
  it("never splices a value into the SQL text", () => {
    const bound = bindParameters("SELECT $x AS x", {x: "'; DROP TABLE respondents; --"});
    expect(bound.sql).toBe("SELECT $1 AS x");
    expect(bound.values).toEqual(["'; DROP TABLE respondents; --"]);
  });
  it("gives a query without parameters back unchanged", () => {
    expect(bindParameters("SELECT 1", {})).toEqual({sql: "SELECT 1", values: [], names: []});
  });
  it("refuses an unknown name, a numbered position and a value that is not one scalar, in Dutch", () => {
    expect(() => bindParameters("SELECT $onbekend", {grootte: 1})).toThrow(new ParameterError("De query gebruikt $onbekend, maar er is geen parameter met die naam (wel: $grootte)."));
    expect(() => bindParameters("SELECT $1", {a: 1})).toThrow("Gebruik een naam voor een parameter ($naam), geen nummer ($1).");
    expect(() => bindParameters("SELECT $a", {a: ["x", "y"]})).toThrow("Parameter $a heeft geen enkelvoudige waarde (tekst, getal, ja/nee of leeg): een lijst.");
    expect(() => bindParameters("SELECT $a", {a: Number.NaN})).toThrow(ParameterError);
  });
});
