// Who answers when the targets count the answers (target-tables.ts, nonresponse "answer counts"): every respondent
// has drawn a persistence, and in each group the most persistent answer, as many as the item's target counts. A
// scale's first `complete` respondents (by persistence) answer all its items; the others share out the items' remaining
// answers, fewest answers first, so that none of them answers them all and the number of complete scores is exact.
import type {Codebook} from "../codebook/codebook.ts";
import {inGroup, type AnswerTarget, type TargetGroup, type TargetTables} from "./target-tables.ts";
import {sum} from "./sum.ts";

export interface PersistentMember {
  index: number;
  sizeClass: string;
  role: string;
  persistence: number;
}

const sameGroup = (a: TargetGroup, b: TargetGroup) => a.sizeClass === b.sizeClass && a.role === b.role;

/** How many answer an item in a group: only exact counts say so. */
function answering(target: AnswerTarget, item: string): number {
  if (target.kind !== "counts") throw new Error(`invalid targets: item ${item} has ${target.kind}, but answer-count nonresponse needs exact counts`);
  return sum(target.counts);
}

/** Index -> the items that respondent answers. */
export function persistentAnswers(members: readonly PersistentMember[], targets: TargetTables, codebook: Codebook): Map<number, Set<string>> {
  const answered = new Map(members.map((m) => [m.index, new Set<string>()]));
  const ordered = (group: TargetGroup) => members.filter((m) => inGroup(group, m)).sort((a, b) => b.persistence - a.persistence || a.index - b.index);
  const answer = (who: readonly PersistentMember[], item: string) => {
    for (const m of who) answered.get(m.index)!.add(item);
  };
  for (const item of codebook.items.filter((i) => !i.scale))
    for (const target of targets.answers[item.id] ?? []) answer(ordered(target).slice(0, answering(target, item.id)), item.id);
  for (const {scale, groups} of targets.scales) {
    const ids = codebook.items.filter((i) => i.scale === scale).map((i) => i.id);
    for (const {group, complete} of groups) {
      const order = ordered(group);
      const sizes = ids.map((id) => {
        const target = targets.answers[id]?.find((t) => sameGroup(t, group));
        if (!target) throw new Error(`invalid targets: item ${id} has no answer target for the group of scale ${scale}`);
        return answering(target, id);
      });
      const rest = order.slice(complete);
      const taken = new Map(rest.map((m) => [m.index, 0]));
      ids.forEach((id, k) => {
        const extra = rest.slice().sort((a, b) => taken.get(a.index)! - taken.get(b.index)!).slice(0, sizes[k] - complete);
        for (const m of extra) taken.set(m.index, taken.get(m.index)! + 1);
        answer([...order.slice(0, complete), ...extra], id);
      });
    }
  }
  return answered;
}
