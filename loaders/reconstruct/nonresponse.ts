import type {Codebook} from "../codebook/codebook.ts";
import {sizeClassOrder, type NonresponsePlan} from "./design.ts";
import type {Random} from "./random.ts";

export interface Member {
  index: number;
  sizeClass: string;
}

/**
 * Which items each respondent answered, following the questionnaire order and the plan (design.ts `nonresponsePlan`).
 * Returns index -> set of answered item ids.
 */
export function answeredItems(members: readonly Member[], codebook: Codebook, plan: NonresponsePlan, random: Random): Map<number, Set<string>> {
  const sections = codebook.sections.map((s) => s.id);
  const itemsOf = (section: string) => codebook.items.filter((i) => i.section === section).map((i) => i.id);
  const upTo = (lastSection: string) => sections.slice(0, sections.indexOf(lastSection) + 1).flatMap(itemsOf);
  const all = codebook.items.map((i) => i.id);
  const answered = new Map(members.map((m) => [m.index, new Set(all)]));
  const stopAfter = (index: number, section: string) => {
    const keep = new Set(upTo(section));
    for (const id of all) if (!keep.has(id)) answered.get(index)!.delete(id);
  };
  const still = (m: Member, section: string) => itemsOf(section).every((id) => answered.get(m.index)!.has(id));

  sizeClassOrder.forEach((sizeClass, c) => {
    const inClass = members.filter((m) => m.sizeClass === sizeClass);
    // Box 1: whole block skipped, or one item skipped.
    const blockSkippers = random.sample(inClass, plan.skipAvailabilityBlock[c] + plan.skipOneAvailabilityItem[c]);
    blockSkippers.forEach((m, k) => {
      const skipped = k < plan.skipAvailabilityBlock[c] ? itemsOf("1.2") : [plan.skippableAvailabilityItems[random.integer(plan.skippableAvailabilityItems.length)]];
      for (const id of skipped) answered.get(m.index)!.delete(id);
    });
    // Dropout, in questionnaire order; each step draws from those still answering.
    const steps: [number, (m: Member) => void, string][] = [
      [plan.stopAfterKnowledgeManagement[c], (m) => stopAfter(m.index, "1.4"), "1.5"],
      [plan.stopAfterNetworks[c], (m) => stopAfter(m.index, "1.5"), "1.6"],
      [plan.stopAfterExternalKnowledge[c], (m) => stopAfter(m.index, "1.6"), "1.7"],
      [plan.skipContactItem[c], (m) => answered.get(m.index)!.delete(itemsOf("1.7")[2]), "1.7"],
      [plan.stopAfterNeeds[c], (m) => stopAfter(m.index, "1.8"), "1.9"],
      [plan.skipInvolvingItem[c], (m) => answered.get(m.index)!.delete(itemsOf("1.9")[5]), "1.9"],
      [plan.stopAfterResidents[c], (m) => stopAfter(m.index, "1.9"), "1.10"]
    ];
    for (const [count, apply, mustHaveSection] of steps) random.sample(inClass.filter((m) => still(m, mustHaveSection)), count).forEach(apply);
  });
  // Single items left open by anyone who reached them.
  for (const [id, count] of Object.entries(plan.skipSingleItems))
    random.sample(members.filter((m) => answered.get(m.index)!.has(id)), count).forEach((m) => answered.get(m.index)!.delete(id));
  return answered;
}
