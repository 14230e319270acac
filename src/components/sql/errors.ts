// DuckDB's error messages, split into the message and the place in the SQL it points at.
// DuckDB writes the place as "LINE 3: <the line>" followed by a caret line ("      ^").
import {accessRefusal} from "./network.js";
import {ParameterError} from "./parameters.js";

export interface SqlError {
  /** DuckDB's kind of error, e.g. "Parser Error", "Binder Error"; "Fout" when the message has none. */
  kind: string;
  /** The message without the LINE/caret lines. */
  message: string;
  /** 1-based line and column in the SQL that was run, when DuckDB gave a position. */
  line?: number;
  column?: number;
  /** 0-based character offset of that position in the SQL that was run. */
  offset?: number;
}

/**
 * Splits a DuckDB error message; with the `sql` that was run it also works out the character offset.
 * Understands both forms: DuckDB-WASM's JSON ({"exception_type":"Parser","exception_message":...,"position":"23"})
 * and the plain text that the node client gives ("Parser Error: ...\n\nLINE 1: ...\n   ^").
 */
export function parseSqlError(raw: string, sql = ""): SqlError {
  const text = raw.replace(/^Error:\s*/, "").trim();
  if (text.startsWith("{")) {
    const json = parseJsonError(text, sql);
    if (json) return json;
  }
  const kindMatch = /^([A-Z][A-Za-z ]*Error):\s*/.exec(text);
  const kind = kindMatch ? kindMatch[1] : "Fout";
  const body = kindMatch ? text.slice(kindMatch[0].length) : text;
  const lines = body.split("\n");
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (at < 0) return {kind, message: body.trim()};
  const message = lines.slice(0, at).join("\n").trim();
  const [, lineText, snippet] = /^LINE (\d+): (.*)$/.exec(lines[at])!;
  const line = Number(lineText);
  const caretLine = lines[at + 1] ?? "";
  const caret = caretLine.indexOf("^");
  if (caret < 0) return {kind, message, line};
  let column = caret - `LINE ${line}: `.length;
  // Long lines are shortened to "...<context>..."; find the context in the real line to get the real column.
  const sourceLine = sql.split("\n")[line - 1];
  if (snippet.startsWith("...") && sourceLine !== undefined) {
    const context = snippet.slice(3).replace(/\.\.\.$/, "");
    const found = sourceLine.indexOf(context);
    if (found >= 0) column = found + column - 3;
  }
  const result: SqlError = {kind, message, line, column: column + 1};
  if (sourceLine !== undefined) {
    const lineStart = sql.split("\n").slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    result.offset = lineStart + Math.min(column, sourceLine.length);
  }
  return result;
}

function parseJsonError(text: string, sql: string): SqlError | null {
  let parsed: {exception_type?: string; exception_message?: string; position?: string | number};
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed.exception_message !== "string") return null;
  const kind = parsed.exception_type ? `${parsed.exception_type} Error` : "Fout";
  const message = parsed.exception_message.split(/\n\s*\nLINE \d+: /)[0].trim();
  const position = Number(parsed.position);
  if (parsed.position === undefined || !Number.isInteger(position)) {
    // No position field: fall back on the LINE/caret lines inside the message.
    const fromText = parseSqlError(`${kind}: ${parsed.exception_message}`, sql);
    return {...fromText, kind};
  }
  const before = sql.slice(0, position).split("\n");
  return {kind, message, line: before.length, column: before.at(-1)!.length + 1, offset: position};
}

/** "Parser Error (regel 1, kolom 10): syntax error at or near "t"". */
export function sqlErrorText(error: SqlError): string {
  const where = error.line ? ` (regel ${error.line}${error.column ? `, kolom ${error.column}` : ""})` : "";
  return `${error.kind}${where}: ${error.message}`;
}

/** What the page shows when a query fails: the text, where in the SQL (when known), and a refusal by the network lockdown. */
export interface QueryFailure {
  /** The whole text: the refusal's explanation (when there is one), then DuckDB's message. */
  message: string;
  /** DuckDB's message with its position, "Parser Error (regel 2, kolom 6): ...". */
  detail: string;
  offset?: number;
  /** The Dutch explanation when the database refused a file, a URL, an extension or a setting; null otherwise. */
  refusal: string | null;
}

/** A failed query's error, explained: DuckDB's message with its position, and first what a refusal means. */
export function queryFailure(error: unknown, sql: string): QueryFailure {
  if (error instanceof ParameterError) return {message: error.message, detail: error.message, refusal: null};
  const parsed = parseSqlError(error instanceof Error ? error.message : String(error), sql);
  const refusal = accessRefusal(parsed);
  const text = sqlErrorText(parsed);
  return {message: refusal ? `${refusal}\n${text}` : text, detail: text, offset: parsed.offset, refusal};
}
