import {describe, expect, it} from "vitest";
import {isSmallGroup, protectGroups, type GroupCell} from "../../src/components/stats/suppression.ts";

const sizes = ["klein", "middel", "groot", "stad"];
// answered counts per size class x role; "groot" has 4 in "andere functie" (the example of a derivable group)
const cells: GroupCell[] = [
  {sizeClass: "klein", role: "secretaris", n: 10}, {sizeClass: "klein", role: "andere", n: 18},
  {sizeClass: "middel", role: "secretaris", n: 12}, {sizeClass: "middel", role: "andere", n: 28},
  {sizeClass: "groot", role: "secretaris", n: 11}, {sizeClass: "groot", role: "andere", n: 4},
  {sizeClass: "stad", role: "secretaris", n: 6}, {sizeClass: "stad", role: "andere", n: 14}
];

describe("protectGroups(cells, sizes, role)", () => {
  it("shows everything when every group has 5 or more", () => {
    const p = protectGroups({cells, sizes, role: "alle"});
    expect([...p.hidden]).toEqual([]);
    expect(p.totalHidden).toBe(false);
  });
  it("hides a size class in BOTH one-role views when one role has 1-4 in it, and the totals that include it", () => {
    for (const role of ["secretaris", "andere"]) {
      const p = protectGroups({cells, sizes, role});
      expect([...p.hidden]).toEqual(["groot"]);
      expect(p.totalHidden).toBe(true);
    }
  });
  it("keeps the total when the hidden class is not selected", () => {
    const p = protectGroups({cells, sizes: ["klein", "stad"], role: "secretaris"});
    expect(p.hidden.size).toBe(0);
    expect(p.totalHidden).toBe(false);
  });
  it("hides a size class of 1-4 in the all-roles view, and every total with it", () => {
    const few = cells.map((c) => (c.sizeClass === "stad" ? {...c, n: 2} : c));
    const p = protectGroups({cells: few, sizes, role: "alle"});
    expect([...p.hidden]).toEqual(["stad"]);
    expect(p.totalHidden).toBe(true);
  });
  it("an empty group discloses nothing", () => {
    const none = cells.map((c) => (c.sizeClass === "stad" && c.role === "andere" ? {...c, n: 0} : c));
    expect(protectGroups({cells: none, sizes, role: "secretaris"}).hidden.has("stad")).toBe(false);
    expect(isSmallGroup(0)).toBe(false);
    expect(isSmallGroup(4)).toBe(true);
    expect(isSmallGroup(5)).toBe(false);
  });
});
