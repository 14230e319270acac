import {describe, expect, it} from "vitest";
import {identifierOf, significant, tokenize} from "../../../src/components/sql/sql-tokens.ts";

const kinds = (sql: string) => significant(tokenize(sql)).map((t) => `${t.type}:${t.text}`);

describe("tokenize", () => {
  it("joins back to its input, whatever the input", () => {
    for (const sql of ["SELECT 'a''b', \"x\"\"y\", $$ -- $$, E'\\'' FROM t -- c\n/* a /* b */ c */ $p", "'unterminated", "/* open", "$tag$ open", "€ ? ::", ""]) {
      expect(tokenize(sql).map((t) => t.text).join("")).toBe(sql);
    }
  });
  it("keeps strings, quoted identifiers, dollar-quoted strings and comments whole", () => {
    expect(kinds("SELECT 'FROM x', \"FROM y\", $$FROM z$$, $q$ $p $q$ -- FROM w\n/* FROM /* v */ u */ FROM t")).toEqual([
      "word:SELECT", "string:'FROM x'", "symbol:,", "quoted:\"FROM y\"", "symbol:,", "string:$$FROM z$$", "symbol:,", "string:$q$ $p $q$", "word:FROM", "word:t"
    ]);
  });
  it("reads E-strings with backslash escapes and doubled quotes in plain strings", () => {
    expect(kinds("E'it\\'s $p' 'it''s $p' $p")).toEqual(["string:E'it\\'s $p'", "string:'it''s $p'", "parameter:$p"]);
  });
  it("tells a parameter from a dollar quote", () => {
    expect(kinds("$grootte $1 $a$x$a$")).toEqual(["parameter:$grootte", "parameter:$1", "string:$a$x$a$"]);
  });
  it("folds words to lower case and keeps quoted identifiers as written", () => {
    const [w, q] = significant(tokenize('Tabel1 "Tabel""1"'));
    expect([identifierOf(w), identifierOf(q)]).toEqual(["tabel1", 'Tabel"1']);
  });
});
