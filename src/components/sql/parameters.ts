// Named query parameters ($grootte) bound as values, never spliced into the SQL text.
// DuckDB-WASM binds prepared-statement values by position only, so `$name` is rewritten to `$1`, `$2`, … and
// the values are passed in that order. Strings, quoted names, dollar-quoted text and comments are skipped, so a
// `$x` inside them stays text.

/** A value a parameter can take: one scalar. */
export type ParameterValue = string | number | boolean | null;

export interface BoundQuery {
  /** The SQL with `$1`, `$2`, … in place of the names. */
  sql: string;
  /** The values in the order of their positions. */
  values: ParameterValue[];
  /** The parameter names in the same order. */
  names: string[];
}

/** A parameter that the SQL uses but that has no value, or a value that cannot be bound. */
export class ParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParameterError";
  }
}

const nameStart = /[A-Za-z_]/;
const nameChar = /[A-Za-z0-9_]/;

/** End (exclusive) of the quoted part that starts at `i` with `quote`, doubled quotes escaping it; backslashes too for E'…'. */
function quotedEnd(sql: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    if (backslash && sql[j] === "\\") j += 2;
    else if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else j += 1;
  }
  return sql.length;
}

/**
 * `sql` with every `$name` outside strings and comments replaced by its position, and the values from `params`.
 * Throws ParameterError (in Dutch) for a name without a value, for `$1`-style positions, and for values that are
 * not a single string, number, boolean or null.
 */
export function bindParameters(sql: string, params: Record<string, unknown>): BoundQuery {
  const names: string[] = [];
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    let end = i + 1;
    if (c === "-" && sql[i + 1] === "-") {
      end = sql.indexOf("\n", i);
      if (end < 0) end = sql.length;
    } else if (c === "/" && sql[i + 1] === "*") {
      end = sql.indexOf("*/", i + 2);
      end = end < 0 ? sql.length : end + 2;
    } else if (c === "'") {
      const backslash = /[eE]/.test(sql[i - 1] ?? "") && !nameChar.test(sql[i - 2] ?? "");
      end = quotedEnd(sql, i, "'", backslash);
    } else if (c === '"') {
      end = quotedEnd(sql, i, '"', false);
    } else if (c === "$") {
      let j = i + 1;
      while (j < sql.length && nameChar.test(sql[j])) j += 1;
      const word = sql.slice(i + 1, j);
      if (sql[j] === "$" && (word === "" || nameStart.test(word[0]))) {
        // $$…$$ or $tag$…$tag$: dollar-quoted text
        const tag = sql.slice(i, j + 1);
        const close = sql.indexOf(tag, j + 1);
        end = close < 0 ? sql.length : close + tag.length;
      } else if (word && nameStart.test(word[0])) {
        if (!Object.hasOwn(params, word)) throw new ParameterError(`De query gebruikt $${word}, maar er is geen parameter met die naam (wel: ${Object.keys(params).map((n) => `$${n}`).join(", ") || "geen"}).`);
        let position = names.indexOf(word);
        if (position < 0) position = names.push(word) - 1;
        out += `$${position + 1}`;
        i = j;
        continue;
      } else if (word) {
        throw new ParameterError(`Gebruik een naam voor een parameter ($naam), geen nummer ($${word}).`);
      }
    }
    out += sql.slice(i, end);
    i = end;
  }
  const values = names.map((name) => {
    const value = params[name];
    if (value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return value as ParameterValue;
    throw new ParameterError(`Parameter $${name} heeft geen enkelvoudige waarde (tekst, getal, ja/nee of leeg): ${Array.isArray(value) ? "een lijst" : String(value)}.`);
  });
  return {sql: out, values, names};
}
