// The JavaScript engine: the same raw aggregates as the SQL in engine-sql.ts, computed over rows read with
// hyparquet. It draws the first charts before DuckDB-WASM has loaded; test/components/story/engines.test.ts
// checks that both engines agree. Aggregates are per size class x role over every respondent: the filter is
// applied when the rows are finished (model.ts), where the small-group rule also needs the roles left out.
import type {Respondent} from "../survey/respondent.js";
import {stratumMoments} from "../stats/domain-mean.js";
import type {AnswerCell, MomentCell} from "./model.js";

/** Answer counts (and weight sums) per item, size class, role and code. */
export function countAnswers(respondents: readonly Respondent[], {items, weighted}: {items: string[]; weighted: boolean}): AnswerCell[] {
  const cells = new Map<string, AnswerCell>();
  for (const respondent of respondents) {
    const weight = weighted ? Number(respondent.weight) : 1;
    const {size_class, role} = respondent;
    for (const item_id of items) {
      const code = respondent[item_id];
      if (code == null) continue;
      const key = `${item_id}\u0000${size_class}\u0000${role}\u0000${code}`;
      const cell = cells.get(key) ?? {item_id, size_class, role, code: Number(code), count: 0, weight: 0};
      cell.count += 1;
      cell.weight += weight;
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
}

/** The moments of a scale score (or any numeric column) per size class x role, through the survey's stratumMoments. */
export function scaleMoments(respondents: readonly Respondent[], {scale, weighted}: {scale: string; weighted: boolean}): MomentCell[] {
  const key = (r: Respondent) => `${r.size_class}\u0000${r.role}`;
  const values = respondents.map((r) => (r[scale] == null ? null : Number(r[scale])));
  const weights = weighted ? respondents.map((r) => Number(r.weight)) : null;
  return stratumMoments(values, respondents.map(key), weights).map(({stratum, ...m}) => {
    const [size_class, role] = stratum.split("\u0000");
    return {size_class, role, ...m};
  });
}
