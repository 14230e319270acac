// Calibration to printed means (target-tables.ts, score "printed"): the scale's group sums are chosen among those
// that round to the printed means (and whose total rounds to the printed total), as close as possible to what the
// draw gave; then single answers move one code, each time the one whose latent value is nearest the next code's
// boundary, so the change to the latent model is smallest. Answers whose counts are a target never move.
import {feasibleSums} from "../published/grim.ts";

/** One cell of a respondent's answer, with the latent value it was cut from. */
export interface Cell {
  respondent: number;
  item: string;
  code: number;
  latent: number;
}

export interface CellBounds {
  /** Latent value above which the next code up starts (Infinity at the top code). */
  up: number;
  /** Latent value below which the next code down starts (-Infinity at the bottom code). */
  down: number;
}

/**
 * Chooses per-group sums that round to the printed group means and whose total rounds to the printed
 * total, as close as possible to the current sums (fewest answers changed).
 */
export function chooseTargetSums(groups: {mean: number; n: number; current: number}[], total: {mean: number}, items: number, decimals = 2): number[] {
  const options = groups.map((g) => {
    const sums = feasibleSums({mean: g.mean, n: g.n, items, decimals});
    if (!sums.length) throw new Error(`mean ${g.mean} over n = ${g.n} and ${items} items is impossible (GRIM)`);
    return sums;
  });
  const n = groups.reduce((a, g) => a + g.n, 0);
  const totalSums = new Set(feasibleSums({mean: total.mean, n, items, decimals}));
  let best: number[] | null = null;
  let bestCost = Infinity;
  const walk = (k: number, chosen: number[]) => {
    if (k === groups.length) {
      const sum = chosen.reduce((a, b) => a + b, 0);
      const cost = chosen.reduce((a, s, i) => a + Math.abs(s - groups[i].current), 0);
      if (totalSums.has(sum) && cost < bestCost) (best = chosen.slice()), (bestCost = cost);
      return;
    }
    for (const s of options[k]) walk(k + 1, [...chosen, s]);
  };
  walk(0, []);
  if (!best) throw new Error(`no combination of group means rounds to the total ${total.mean}`);
  return best;
}

/**
 * Moves answers one code up (or down) until the cells add up to `target`, each time moving the cell whose
 * latent value is nearest to the next code's boundary: the smallest change to the latent model.
 */
export function nudgeToSum(cells: Cell[], target: number, bounds: (cell: Cell) => CellBounds, maxCode: (item: string) => number, minCode: (item: string) => number): number {
  let sum = cells.reduce((a, c) => a + c.code, 0);
  let moves = 0;
  while (sum !== target) {
    const up = sum < target;
    let best: Cell | null = null;
    let bestGap = Infinity;
    for (const cell of cells) {
      if (up ? cell.code >= maxCode(cell.item) : cell.code <= minCode(cell.item)) continue;
      const b = bounds(cell);
      const gap = up ? b.up - cell.latent : cell.latent - b.down;
      if (gap < bestGap) (bestGap = gap), (best = cell);
    }
    if (!best) throw new Error(`cannot reach sum ${target} from ${sum}`);
    best.code += up ? 1 : -1;
    sum += up ? 1 : -1;
    moves++;
  }
  return moves;
}

/** For each code, the latent boundaries to the next code up and down, halfway between neighbouring respondents. */
export function latentThresholds(assigned: Iterable<[number, number]>, latent: (index: number) => number, options: number[]): (code: number) => CellBounds {
  const byCode = new Map(options.map((c) => [c, [] as number[]]));
  for (const [index, code] of assigned) byCode.get(code)!.push(latent(index));
  const lo = new Map(options.map((c) => [c, Math.min(...byCode.get(c)!)]));
  const hi = new Map(options.map((c) => [c, Math.max(...byCode.get(c)!)]));
  const boundary = (a: number, b: number) => {
    const x = hi.get(a)!;
    const y = lo.get(b)!;
    return Number.isFinite(x) && Number.isFinite(y) ? (x + y) / 2 : Number.isFinite(x) ? x : y;
  };
  return (code: number) => {
    const k = options.indexOf(code);
    return {
      up: k + 1 < options.length ? boundary(code, options[k + 1]) : Infinity,
      down: k > 0 ? boundary(options[k - 1], code) : -Infinity
    };
  };
}
