// A small SQL tokenizer in DuckDB's lexical rules, shared by the workbench and the notebook: enough to find what a cell reads (table names after
// FROM/JOIN, `$name` parameters) and to rewrite parameters, without being fooled by the same text inside a string,
// a quoted identifier, a dollar-quoted string or a comment. It never evaluates anything; text it does not
// understand becomes a one-character "symbol" token, so every input gives tokens that join back to the input.

export type TokenType = "space" | "comment" | "string" | "quoted" | "word" | "number" | "parameter" | "symbol";

export interface Token {
  type: TokenType;
  text: string;
  start: number;
}

const isWordStart = (c: string) => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWordPart = (c: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** The tokens of `sql`; `tokens.map((t) => t.text).join("") === sql` always holds. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, end: number) => {
    tokens.push({type, text: sql.slice(i, end), start: i});
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1] ?? "";
    if (/\s/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j])) j++;
      push("space", j);
    } else if (c === "-" && next === "-") {
      const nl = sql.indexOf("\n", i);
      push("comment", nl < 0 ? sql.length : nl);
    } else if (c === "/" && next === "*") {
      push("comment", blockCommentEnd(sql, i));
    } else if (c === "'") {
      push("string", quotedEnd(sql, i, "'", false));
    } else if ((c === "E" || c === "e") && next === "'") {
      // E'...' strings take backslash escapes (E'\'' is one quote)
      push("string", quotedEnd(sql, i + 1, "'", true));
    } else if (c === '"') {
      push("quoted", quotedEnd(sql, i, '"', false));
    } else if (c === "$") {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        // $$...$$ or $tag$...$tag$: a string that runs to the same delimiter, whatever it contains
        const close = sql.indexOf(tag[0], i + tag[0].length);
        push("string", close < 0 ? sql.length : close + tag[0].length);
      } else {
        const param = /^\$([A-Za-z_][A-Za-z0-9_]*|[0-9]+)/.exec(sql.slice(i));
        push(param ? "parameter" : "symbol", i + (param ? param[0].length : 1));
      }
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < sql.length && isWordPart(sql[j])) j++;
      push("word", j);
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(next))) {
      const m = /^(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(i))!;
      push("number", i + Math.max(1, m[0].length));
    } else {
      push("symbol", i + 1);
    }
  }
  return tokens;
}

/** End of a quoted run starting at `start` (the opening quote); a doubled quote is an escaped quote. */
function quotedEnd(sql: string, start: number, quote: string, backslash: boolean): number {
  let j = start + 1;
  while (j < sql.length) {
    if (backslash && sql[j] === "\\") j += 2;
    else if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length;
}

/** Block comments nest in DuckDB (as in PostgreSQL): /* a /* b *\/ c *\/ is one comment. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let j = start;
  while (j < sql.length) {
    if (sql[j] === "/" && sql[j + 1] === "*") {
      depth++;
      j += 2;
    } else if (sql[j] === "*" && sql[j + 1] === "/") {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return sql.length;
}

/** Tokens that carry meaning (no spaces or comments). */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.type !== "space" && t.type !== "comment");
}

/** The identifier a word or quoted token names: words fold to lower case, quoted identifiers keep theirs. */
export function identifierOf(token: Token): string | null {
  if (token.type === "word") return token.text.toLowerCase();
  if (token.type === "quoted" && token.text.endsWith('"') && token.text.length >= 2) return token.text.slice(1, -1).replace(/""/g, '"');
  return null;
}

/** The value of a plain '...' string token, or null for other tokens. */
export function stringValue(token: Token): string | null {
  if (token.type !== "string" || !token.text.startsWith("'") || !token.text.endsWith("'") || token.text.length < 2) return null;
  return token.text.slice(1, -1).replace(/''/g, "'");
}
