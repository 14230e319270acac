// Which size classes a lab figure may show: no group of fewer than 5 respondents is shown, and no total that
// would let a hidden group follow by subtraction. The rule is the site's one small-group protection; this file
// only counts the lab's cells (answered, per size class and role) in the form that rule takes.
import {MIN_N} from "../story/model.js";
import type {Respondent} from "../survey/respondent.js";

export const MIN_GROUP_SIZE = MIN_N;

export interface GroupCell {
  sizeClass: string;
  role: string;
  n: number;
}

export interface ProtectedGroups {
  /** Size classes whose value and count stay hidden. */
  hidden: Set<string>;
  /** The total includes a hidden class, so it is hidden too. */
  totalHidden: boolean;
}

/** Respondents counted by `counts` per size class and role (all roles, also those with n = 0 left out). */
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

/** The lab shows all roles together: a class is hidden when fewer than 5 of its respondents count. */
export function protectSizeClasses(cells: GroupCell[], sizes: readonly string[]): ProtectedGroups {
  const n = (h: string) => cells.filter((c) => c.sizeClass === h).reduce((s, c) => s + c.n, 0);
  const hidden = new Set(sizes.filter((h) => n(h) < MIN_GROUP_SIZE));
  return {hidden, totalHidden: hidden.size > 0};
}
