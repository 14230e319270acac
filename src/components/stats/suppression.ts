// Small-group protection, in one place for the story, the lab, the example queries and the notebook's survey functions.
// Primary suppression hides a group of 1-4 respondents. That alone is not enough: a page that shows the total and the
// other groups gives the hidden group by subtraction, and the filters (size classes, role) give many views of the same
// respondents, so a group can also follow from two views (all roles minus one role; a size selection with and without
// one class). Secondary suppression, as statistical offices apply it, closes both routes:
// - in the all-roles view a size class is hidden when it has 1-4 respondents;
// - in a one-role view a size class is hidden when any role has 1-4 respondents in it (else that role's group would
//   follow as all-roles minus the shown role);
// - a total is hidden whenever it includes a hidden size class (else total minus the shown classes gives it, in this
//   view or against a view without that class).
// Hidden groups show neither value nor count. A group with no respondents discloses nothing and is not hidden.

/** Groups smaller than this are never shown or derivable. */
export const MIN_GROUP_SIZE = 5;
export const SUPPRESSED_TEXT = "te weinig waarnemingen (n<5)";

/** Respondents who answered one measure (an item or a scale) in one size class and role. */
export interface GroupCell {
  sizeClass: string;
  role: string;
  n: number;
}

export interface GroupProtection {
  /** Size classes whose value and count may not be shown in this view. */
  hidden: Set<string>;
  /** Whether the total over the selected size classes may not be shown. */
  totalHidden: boolean;
}

/** 1-4 respondents: too few to show, and too few to let follow from what is shown. */
export function isSmallGroup(n: number): boolean {
  return n > 0 && n < MIN_GROUP_SIZE;
}

/**
 * Which groups of one measure a view may show. `cells` are the answered counts per size class and role over ALL
 * roles (whatever the view's role), `sizes` the selected size classes, `role` the view's role or "alle".
 */
export function protectGroups({cells, sizes, role}: {cells: readonly GroupCell[]; sizes: readonly string[]; role: string}): GroupProtection {
  const hidden = new Set<string>();
  for (const sizeClass of sizes) {
    const own = cells.filter((c) => c.sizeClass === sizeClass);
    const byRole = new Map<string, number>();
    for (const c of own) byRole.set(c.role, (byRole.get(c.role) ?? 0) + c.n);
    const all = [...byRole.values()].reduce((a, b) => a + b, 0);
    const unsafe = role === "alle" ? isSmallGroup(all) : [...byRole.values()].some(isSmallGroup);
    if (unsafe) hidden.add(sizeClass);
  }
  return {hidden, totalHidden: hidden.size > 0};
}
