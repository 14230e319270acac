// The lab's controls live in the page's query string (?schaal=kennismanagement&startwaarde=7), so that a teacher
// can hand students a link to an exact setup. Each control is a named parameter with a default; a value the page
// does not know (a typo, an item an export lacks) falls back to that default instead of breaking the page, and
// defaults are left out of the link so that a plain page keeps a plain address.

/** One control in the query string: its parameter name, its default, and how to read and write its value. */
export interface UrlParam<T> {
  name: string;
  defaultValue: T;
  /** The value a query string holds, or undefined when the text is not a valid value. */
  parse(text: string): T | undefined;
  format(value: T): string;
}

/** A set of controls by key (the key is the page's name for the value, `name` the parameter's in the link). */
export type UrlSpec = Record<string, UrlParam<any>>;

/** The values of a set of controls. */
export type UrlValues<S extends UrlSpec> = {[K in keyof S]: S[K] extends UrlParam<infer T> ? T : never};

/** One of a fixed list of strings (an item id, a scale id); anything else reads as the default. */
export function choiceParam<T extends string>(name: string, choices: readonly T[], defaultValue: T): UrlParam<T> {
  if (!choices.includes(defaultValue)) throw new Error(`invalid default for ${name}: ${defaultValue}`);
  return {name, defaultValue, parse: (text) => (choices as readonly string[]).includes(text) ? (text as T) : undefined, format: String};
}

/** A whole number in [min, max] written in plain digits ("7", "-3"); "7.5", "1e3" or "" read as the default. */
export function integerParam(name: string, {min, max, defaultValue}: {min: number; max: number; defaultValue: number}): UrlParam<number> {
  if (!Number.isInteger(defaultValue) || defaultValue < min || defaultValue > max) throw new Error(`invalid default for ${name}: ${defaultValue}`);
  return {
    name,
    defaultValue,
    parse(text) {
      if (!/^-?\d{1,15}$/.test(text)) return undefined;
      const value = Number(text);
      return value >= min && value <= max ? value : undefined;
    },
    format: String
  };
}

/**
 * Several of a fixed list of strings, comma-separated ("net_intern,beh_elders"), returned in the list's order; an
 * empty list or any unknown value reads as the default (a typo or a link from an older codebook should give the
 * default view, not an analysis of a different selection than the link meant).
 */
export function listParam<T extends string>(name: string, choices: readonly T[], defaultValue: readonly T[]): UrlParam<T[]> {
  return {
    name,
    defaultValue: choices.filter((c) => defaultValue.includes(c)),
    parse(text) {
      const chosen = text.split(",");
      if (!text || chosen.some((v) => !(choices as readonly string[]).includes(v))) return undefined;
      return choices.filter((c) => chosen.includes(c));
    },
    format: (value) => value.join(",")
  };
}

/** The controls' values from a query string ("?a=1&b=2" or "a=1&b=2"); missing or unknown values give the default. */
export function readUrlState<S extends UrlSpec>(spec: S, search: string): UrlValues<S> {
  const query = new URLSearchParams(search);
  const values: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(spec)) {
    const text = query.get(param.name);
    const value = text === null ? undefined : param.parse(text);
    values[key] = value === undefined ? param.defaultValue : value;
  }
  return values as UrlValues<S>;
}

/**
 * `href` with the controls' values in its query: a value equal to its default is removed, other parameters
 * (and the #fragment) are kept, so that a link to a glossary anchor still works.
 */
export function urlWithState<S extends UrlSpec>(spec: S, values: Partial<UrlValues<S>>, href: string): string {
  const url = new URL(href);
  for (const [key, param] of Object.entries(spec)) {
    if (!(key in values)) continue;
    const text = param.format(values[key]);
    if (text === param.format(param.defaultValue)) url.searchParams.delete(param.name);
    else url.searchParams.set(param.name, text);
  }
  return url.href;
}

/** Just the query ("?blok=extern", or "" when every value is its default): for links to this page with a setup. */
export function queryWithState<S extends UrlSpec>(spec: S, values: Partial<UrlValues<S>>): string {
  const url = new URL(urlWithState(spec, values, "https://example.invalid/"));
  return url.search.replace(/%2C/g, ",");
}

/** Writes the values into the address bar without a new history entry (the back button leaves the page). */
export function writeUrlState<S extends UrlSpec>(spec: S, values: Partial<UrlValues<S>>, {location, history} = globalThis as {location: Location; history: History}): void {
  const next = urlWithState(spec, values, location.href);
  if (next !== location.href) history.replaceState(history.state, "", next);
}
