/** Variable names: the rules SPSS checks, and the unique 8-byte short names every variable record carries. */
const enc = new TextEncoder();
const RESERVED = new Set(["ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"]);

export function checkVariableName(name: string): string | undefined {
  if (!/^[\p{L}@][\p{L}\p{N}_.@#$]*$/u.test(name)) return "a letter or @ first, then letters, digits, _ . @ # $";
  if (name.endsWith(".") || name.endsWith("_")) return "a name that does not end in . or _";
  if (enc.encode(name).length > 64) return "at most 64 bytes";
  if (RESERVED.has(name.toUpperCase())) return "not a reserved word (ALL, AND, BY, ...)";
  return undefined;
}

/** Make unique 8-byte upper-case short names, as SPSS does (VAR00001-style fallback). */
export function shortNames(names: string[], extra: number[]): string[][] {
  const used = new Set<string>();
  const take = (base: string) => {
    let s = base;
    for (let i = 1; used.has(s); i++) {
      const suffix = `_${i}`;
      s = base.slice(0, 8 - suffix.length) + suffix;
    }
    used.add(s);
    return s;
  };
  return names.map((n, i) => {
    let base = n.toUpperCase().replace(/[^A-Z0-9_@#$.]/g, "");
    if (!/^[A-Z@]/.test(base)) base = `V${base}`;
    base = base.slice(0, 8);
    const first = take(base);
    const segs = [first];
    for (let k = 1; k <= extra[i]; k++) segs.push(take(`${first.slice(0, 5)}${String.fromCharCode(64 + ((k - 1) % 26) + 1)}`.slice(0, 8)));
    return segs;
  });
}
