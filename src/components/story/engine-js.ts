// The JavaScript engine: the same raw aggregates as the SQL in engine-sql.ts, computed over rows read with
// hyparquet. It draws the first charts before DuckDB-WASM has loaded; test/components/story/engines.test.ts
// checks that both engines agree.
import {passesFilter, TOTAL, type RawCount, type RawMoments, type Respondent, type StoryFilter} from "./model.js";

/** Answer counts per item, group (size class and Totaal, or Totaal only) and code. */
export function countAnswers(respondents: Respondent[], filter: StoryFilter, {items, bySize}: {items: string[]; bySize: boolean}): RawCount[] {
  const cells = new Map<string, RawCount>();
  for (const respondent of respondents) {
    if (!passesFilter(respondent, filter)) continue;
    const weight = filter.weighted ? Number(respondent.weight) : 1;
    for (const item_id of items) {
      const code = respondent[item_id];
      if (code == null) continue;
      for (const group of bySize ? [respondent.size_class, TOTAL] : [TOTAL]) {
        const key = `${item_id}\u0000${group}\u0000${code}`;
        const cell = cells.get(key) ?? {item_id, group, code: Number(code), count: 0, weight: 0};
        cell.count += 1;
        cell.weight += weight;
        cells.set(key, cell);
      }
    }
  }
  return [...cells.values()];
}

/** Moments of a scale score (or any numeric column) per size class and in total. */
export function scaleMoments(respondents: Respondent[], filter: StoryFilter, {scale}: {scale: string}): RawMoments[] {
  const groups = new Map<string, RawMoments>();
  for (const respondent of respondents) {
    const x = respondent[scale];
    if (x == null || !passesFilter(respondent, filter)) continue;
    const value = Number(x);
    const w = filter.weighted ? Number(respondent.weight) : 1;
    for (const group of [respondent.size_class, TOTAL]) {
      const m = groups.get(group) ?? {group, n: 0, sw: 0, swx: 0, sww: 0, swwx: 0, swwxx: 0};
      m.n += 1;
      m.sw += w;
      m.swx += w * value;
      m.sww += w * w;
      m.swwx += w * w * value;
      m.swwxx += w * w * value * value;
      groups.set(group, m);
    }
  }
  return [...groups.values()];
}
