// Axis labels on narrow charts: Plot draws "\n" as separate lines.

/** Greedy word wrap: lines of at most `max` characters (a longer word keeps its own line) joined by "\n". */
export function wrapLabel(text: string, max = 26): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > max) (lines.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}
