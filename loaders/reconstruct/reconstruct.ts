import type {Codebook} from "../codebook/codebook.ts";
import {largestRemainder} from "./largest-remainder.ts";
import {assignByRank, drawFactors} from "./latent-model.ts";
import {answeredItems, type Member} from "./nonresponse.ts";
import {chooseTargetSums, nudgeToSum, type Cell} from "./calibrate.ts";
import {itemDesign, otherFunctions, respondentsPerClass, secretariesPerClass, seed, sizeClassOrder, type SizeClass, type Topic} from "./design.ts";
import {seededRandom} from "./random.ts";

export interface PublishedTable {
  id: string;
  scale: string;
  items: number;
  rows: {size_class: string; mean: number; n: number; n_consistent?: number}[];
  total: {mean: number; n: number; n_consistent?: number};
}

export interface ReconstructedRespondent {
  sourceId: string;
  sizeClass: SizeClass;
  role: "gemeentesecretaris" | "andere functie";
  functie: string | null;
  answers: Record<string, number | null>;
}

export interface Reconstruction {
  respondents: ReconstructedRespondent[];
  /** How many single answers calibration moved by one code, per published table column. */
  calibrationMoves: Record<string, number>;
  /** Latent class shifts per scale after pre-calibration (invented, reported in the lab). */
  classShifts: Record<string, Record<SizeClass, number>>;
}

const PRE_CALIBRATION_ROUNDS = 12;

/**
 * Draws 107 respondents from the latent factor model, applies the questionnaire's dropout and skips,
 * then calibrates each published scale so its size-class means and total round to the printed values.
 * Deterministic: the same seed gives the same respondents.
 */
export function reconstruct(codebook: Codebook, tables: PublishedTable[]): Reconstruction {
  const random = seededRandom(seed);
  const members: (Member & {role: ReconstructedRespondent["role"]; functie: string | null})[] = [];
  for (const sizeClass of sizeClassOrder) {
    const roles = random.shuffle(Array.from({length: respondentsPerClass[sizeClass]}, (_, i) => (i < secretariesPerClass[sizeClass] ? "gemeentesecretaris" : "andere functie") as ReconstructedRespondent["role"]));
    for (const role of roles) members.push({index: members.length, sizeClass, role, functie: role === "andere functie" ? pickFunction(random.uniform()) : null});
  }
  const factors = drawFactors(members.length, random);
  const noise = members.map(() => Object.fromEntries(codebook.items.map((item) => [item.id, random.normal()])) as Record<string, number>);
  const answered = answeredItems(members, codebook, random);

  // Latent shifts per (scale, size class), tuned so class means approach the printed ones before calibration.
  const scaleTables = new Map(tables.map((t) => [t.scale, t]));
  const classShifts: Record<string, Record<SizeClass, number>> = {};
  for (const table of tables) classShifts[table.scale] = Object.fromEntries(sizeClassOrder.map((c) => [c, 0])) as Record<SizeClass, number>;

  const itemById = new Map(codebook.items.map((item) => [item.id, item]));
  const codesOf = (id: string) => codebook.response_scales[itemById.get(id)!.response_scale].options.map((o) => o.code);
  const latentOf = (m: Member, id: string) => {
    const item = itemById.get(id)!;
    const design = itemDesign[id];
    const shift = item.scale ? classShifts[item.scale]?.[m.sizeClass] ?? 0 : design.classShift?.[m.sizeClass] ?? 0;
    return design.loading * factors[m.index][item.topic as Topic] + Math.sqrt(1 - design.loading ** 2) * noise[m.index][id] + shift;
  };

  const codes = new Map<string, Map<number, number>>();
  const assignAll = () => {
    for (const item of codebook.items) {
      const design = itemDesign[item.id];
      if (!design) throw new Error(`reconstruction design has no entry for item ${item.id}`);
      const responders = members.filter((m) => answered.get(m.index)!.has(item.id));
      const options = codesOf(item.id);
      if (design.yesShareByClass) {
        // Infrastructure: the share Ja is set per size class, the most "knowledge-minded" get Ja.
        const byClass = new Map<number, number>();
        for (const sizeClass of sizeClassOrder) {
          const group = responders.filter((m) => m.sizeClass === sizeClass);
          const yes = Math.round(design.yesShareByClass[sizeClass] * group.length);
          for (const [k, v] of assignByRank(group.map((m) => ({key: m.index, value: latentOf(m, item.id)})), [group.length - yes, yes], options)) byClass.set(k, v);
        }
        codes.set(item.id, byClass);
        continue;
      }
      const counts = design.counts ?? largestRemainder(responders.length, design.shares!);
      codes.set(item.id, assignByRank(responders.map((m) => ({key: m.index, value: latentOf(m, item.id)})), counts, options));
    }
  };
  const scaleItemIds = (scale: string) => codebook.items.filter((i) => i.scale === scale).map((i) => i.id);
  const complete = (scale: string, sizeClass?: SizeClass) =>
    members.filter((m) => (!sizeClass || m.sizeClass === sizeClass) && scaleItemIds(scale).every((id) => answered.get(m.index)!.has(id)));
  const classSum = (scale: string, sizeClass: SizeClass) => complete(scale, sizeClass).reduce((a, m) => a + scaleItemIds(scale).reduce((b, id) => b + codes.get(id)!.get(m.index)!, 0), 0);

  for (let round = 0; round < PRE_CALIBRATION_ROUNDS; round++) {
    assignAll();
    for (const table of tables)
      for (const row of table.rows) {
        const sizeClass = row.size_class as SizeClass;
        const n = complete(table.scale, sizeClass).length;
        const mean = classSum(table.scale, sizeClass) / (n * table.items);
        classShifts[table.scale][sizeClass] += (row.mean - mean) / 0.8;
      }
  }
  assignAll();

  // Check the dropout plan produced the printed (consistent) n's before calibrating.
  for (const table of tables)
    for (const row of table.rows) {
      const n = complete(table.scale, row.size_class as SizeClass).length;
      if (n !== (row.n_consistent ?? row.n)) throw new Error(`${table.id} ${table.scale} ${row.size_class}: plan gives n = ${n}, report ${row.n_consistent ?? row.n}`);
    }

  // Discrete calibration: nudge single answers until every class mean and the total round as printed.
  const calibrationMoves: Record<string, number> = {};
  for (const table of tables) {
    const ids = scaleItemIds(table.scale);
    const thresholds = new Map(ids.map((id) => [id, latentThresholds(codes.get(id)!, (index) => latentOf(members[index], id), codesOf(id))]));
    const current = table.rows.map((row) => classSum(table.scale, row.size_class as SizeClass));
    const targets = chooseTargetSums(table.rows.map((row, i) => ({mean: row.mean, n: row.n_consistent ?? row.n, current: current[i]})), table.total, table.items);
    let moves = 0;
    table.rows.forEach((row, i) => {
      const movable = ids.filter((id) => !itemDesign[id].locked);
      const fixed = complete(table.scale, row.size_class as SizeClass);
      const cells: Cell[] = fixed.flatMap((m) => movable.map((id) => ({respondent: m.index, item: id, code: codes.get(id)!.get(m.index)!, latent: latentOf(m, id)})));
      const lockedSum = fixed.reduce((a, m) => a + ids.filter((id) => itemDesign[id].locked).reduce((b, id) => b + codes.get(id)!.get(m.index)!, 0), 0);
      moves += nudgeToSum(cells, targets[i] - lockedSum, (cell) => thresholds.get(cell.item)!(cell.code), (id) => Math.max(...codesOf(id)), (id) => Math.min(...codesOf(id)));
      for (const cell of cells) codes.get(cell.item)!.set(cell.respondent, cell.code);
    });
    calibrationMoves[`${table.id} ${table.scale}`] = moves;
  }

  const ids = uniqueSourceIds(members.length, random);
  const respondents = members.map((m, i) => ({
    sourceId: ids[i],
    sizeClass: m.sizeClass,
    role: m.role,
    functie: m.functie,
    answers: Object.fromEntries(codebook.items.map((item) => [item.id, codes.get(item.id)!.get(m.index) ?? null]))
  }));
  return {respondents: random.shuffle(respondents), calibrationMoves, classShifts};
}

function pickFunction(u: number): string {
  let acc = 0;
  for (const [name, share] of otherFunctions) if (u < (acc += share)) return name;
  return otherFunctions[otherFunctions.length - 1][0];
}

/** Survey-tool style ids ("EAS-483920"), unique, in random order. */
function uniqueSourceIds(count: number, random: ReturnType<typeof seededRandom>): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`EAS-${String(100000 + random.integer(900000))}`);
  return [...ids];
}

/** For each code, the latent boundaries to the next code up and down, halfway between neighbouring respondents. */
function latentThresholds(assigned: Map<number, number>, latent: (index: number) => number, options: number[]) {
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
