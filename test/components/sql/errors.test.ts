import {describe, expect, it} from "vitest";
import {parseSqlError, sqlErrorText} from "../../../src/components/sql/errors.js";

describe("parseSqlError", () => {
  it("finds line, column and offset of a parser error", () => {
    const sql = "SELECT * FORM t";
    const error = parseSqlError('Parser Error: syntax error at or near "t"\n\nLINE 1: SELECT * FORM t\n                      ^', sql);
    expect(error).toEqual({kind: "Parser Error", message: 'syntax error at or near "t"', line: 1, column: 15, offset: 14});
    expect(sql[error.offset!]).toBe("t");
  });
  it("counts lines in a multi-line query", () => {
    const sql = "SELECT a\nFROM t\nWHERE a = 'x' AND b > 1";
    const error = parseSqlError('Binder Error: Referenced column "b" not found in FROM clause!\nCandidate bindings: "a"\n\nLINE 3: WHERE a = \'x\' AND b > 1\n                          ^', sql);
    expect(error.line).toBe(3);
    expect(sql[error.offset!]).toBe("b");
    expect(error.message).toBe('Referenced column "b" not found in FROM clause!\nCandidate bindings: "a"');
  });
  it("maps DuckDB's shortened long lines back to the real column", () => {
    const sql = `SELECT ${"x, ".repeat(60)}nope FROM t`;
    const offset = sql.indexOf("nope");
    const snippet = `...${sql.slice(offset - 20, offset + 10)}...`;
    const caret = " ".repeat("LINE 1: ".length + 3 + 20) + "^";
    const error = parseSqlError(`Binder Error: Referenced column "nope" not found\n\nLINE 1: ${snippet}\n${caret}`, sql);
    expect(error.offset).toBe(offset);
  });
  it("keeps messages without a position", () => {
    expect(parseSqlError("Error: Parser Error: syntax error at end of input")).toEqual({kind: "Parser Error", message: "syntax error at end of input"});
    expect(parseSqlError("something odd")).toEqual({kind: "Fout", message: "something odd"});
  });
  it("reads DuckDB-WASM's JSON errors, whose position is a character offset", () => {
    const sql = "SELECT size_class\nFORM respondents";
    const raw = JSON.stringify({exception_type: "Parser", exception_message: 'syntax error at or near "respondents"\n\nLINE 2: FORM respondents\n             ^', error_subtype: "SYNTAX_ERROR", position: "23"});
    expect(parseSqlError(raw, sql)).toEqual({kind: "Parser Error", message: 'syntax error at or near "respondents"', line: 2, column: 6, offset: 23});
    const noPosition = JSON.stringify({exception_type: "Catalog", exception_message: "Table with name nope does not exist!"});
    expect(parseSqlError(noPosition)).toEqual({kind: "Catalog Error", message: "Table with name nope does not exist!"});
  });
  it("says where in Dutch", () => {
    expect(sqlErrorText({kind: "Parser Error", message: "x", line: 2, column: 5})).toBe("Parser Error (regel 2, kolom 5): x");
  });
});
