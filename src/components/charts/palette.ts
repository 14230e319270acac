// Colours for ordered answer scales: warm for the low end, blue for the high end, grey for a neutral middle.
// Mid-tone colours, so that bars read on Framework's light and dark themes alike.
const low = ["#b2182b", "#d6604d", "#f4a582"];
const high = ["#92c5de", "#4393c3", "#2166ac"];
const neutral = "#a0a0a0";

/** The colour range for a scale with `k` ordered options (2-7), lowest first. */
export function orderedColors(k: number): string[] {
  if (k < 2 || k > 7) throw new Error(`invalid number of answer options: ${k}`);
  const half = Math.floor(k / 2);
  const lows = low.slice(low.length - half);
  const highs = high.slice(0, half);
  return k % 2 ? [...lows, neutral, ...highs] : [...lows, ...highs];
}

/** One colour per size class (and the total), distinguishable in both themes. */
export const sizeClassColors = ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3"];

/** The colour of the total beside the size classes (bars), readable in both themes. */
export const totalColor = "#777777";

/** Two marks that must be told apart: the first for the main series (respondents, a size class), the second for the emphasis (total, threshold). */
export const seriesColor = "#2166ac";
export const emphasisColor = "#b2182b";

/** The reference set beside the respondents (all municipalities). */
export const referenceColor = neutral;

/** Series that are not ordered (methods, interval kinds, sources): each at least 3:1 against both themes' background. */
export const categoricalColors = ["#1f6fb4", "#b8520a", "#2e7d32", "#6a3d9a", "#444444"];
