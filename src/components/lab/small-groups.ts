// The lab's side of the site's small-group protection (src/components/stats/suppression.ts): the answered counts
// per size class and role that protectGroups needs, counted from the respondents.
import {protectGroups, type GroupCell, type GroupProtection} from "../stats/suppression.js";
import type {Respondent} from "../survey/respondent.js";

/** Respondents for whom `counts` holds, per size class and role (all roles). */
export function groupCells(respondents: readonly Respondent[], counts: (r: Respondent) => boolean): GroupCell[] {
  const cells = new Map<string, GroupCell>();
  for (const r of respondents) {
    if (!counts(r)) continue;
    const key = `${r.size_class}\u0000${r.role}`;
    const cell = cells.get(key) ?? {sizeClass: r.size_class, role: r.role, n: 0};
    cell.n++;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

/** The lab shows all roles together and every size class: which classes (and whether the total) must stay hidden. */
export function protectedSizeClasses(respondents: readonly Respondent[], sizes: readonly string[], counts: (r: Respondent) => boolean): GroupProtection {
  return protectGroups({cells: groupCells(respondents, counts), sizes, role: "alle"});
}
