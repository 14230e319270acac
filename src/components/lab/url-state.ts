// A lab page's setup in the URL query (?blok=externe&factoren=3), so a teacher can hand out an exact setup as a
// link. Reading is forgiving: a missing, unknown or malformed value gives the default, never an empty or broken
// setup. Writing leaves out values equal to their default and keeps every other parameter of the page.

/** `name`'s value if it is one of `allowed`, else `fallback`. */
export function choiceParam<T extends string>(search: string, name: string, allowed: readonly T[], fallback: T): T {
  const value = new URLSearchParams(search).get(name);
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** `name`'s value if it is a whole number from `min` to `max`, else `fallback`. */
export function integerParam(search: string, name: string, {min, max}: {min: number; max: number}, fallback: number): number {
  const value = new URLSearchParams(search).get(name);
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

/**
 * `name`'s comma-separated values, in the order of `allowed`, if every one of them is allowed and there is at least
 * one; else `fallback`. An unknown value is a typo or a link from an older codebook: the reader gets the default
 * rather than an analysis of a different selection than the link meant.
 */
export function subsetParam<T extends string>(search: string, name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
  const value = new URLSearchParams(search).get(name);
  if (value === null) return [...fallback];
  const chosen = value.split(",");
  if (chosen.length === 0 || chosen.some((v) => !allowed.includes(v as T))) return [...fallback];
  return allowed.filter((a) => chosen.includes(a));
}

/** The query string `search` with `updates` applied (null = remove), "" when nothing is left; commas stay readable. */
export function withParams(search: string, updates: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(updates)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const text = params.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

/** Puts `updates` into the address bar without a new history entry (the back button leaves the page, as before). */
export function replaceQuery(updates: Record<string, string | null>): void {
  const search = withParams(location.search, updates);
  if (search === location.search) return;
  history.replaceState(history.state, "", location.pathname + search + location.hash);
}
