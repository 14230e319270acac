// Named query parameters ($grootte) bound as values, never spliced into the SQL text. The SQL is read with the shared
// tokenizer (sql-tokens.ts), the same one the notebook uses to find what a cell reads.
// DuckDB-WASM binds prepared-statement values by position only, so `$name` is rewritten to `$1`, `$2`, … and
// the values are passed in that order. Strings, quoted names, dollar-quoted text and comments are skipped, so a
// `$x` inside them stays text.

import {tokenize} from "./sql-tokens.js";

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

/**
 * `sql` with every `$name` outside strings and comments replaced by its position, and the values from `params`.
 * Throws ParameterError (in Dutch) for a name without a value, for `$1`-style positions, and for values that are
 * not a single string, number, boolean or null.
 */
export function bindParameters(sql: string, params: Record<string, unknown>): BoundQuery {
  const names: string[] = [];
  const out = tokenize(sql)
    .map((token) => {
      if (token.type !== "parameter") return token.text;
      const word = token.text.slice(1);
      if (/^[0-9]/.test(word)) throw new ParameterError(`Gebruik een naam voor een parameter ($naam), geen nummer ($${word}).`);
      if (!Object.hasOwn(params, word)) throw new ParameterError(`De query gebruikt $${word}, maar er is geen parameter met die naam (wel: ${Object.keys(params).map((n) => `$${n}`).join(", ") || "geen"}).`);
      let position = names.indexOf(word);
      if (position < 0) position = names.push(word) - 1;
      return `$${position + 1}`;
    })
    .join("");
  const values = names.map((name) => {
    const value = params[name];
    if (value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return value as ParameterValue;
    throw new ParameterError(`Parameter $${name} heeft geen enkelvoudige waarde (tekst, getal, ja/nee of leeg): ${Array.isArray(value) ? "een lijst" : String(value)}.`);
  });
  return {sql: out, values, names};
}
