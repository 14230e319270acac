/**
 * The reconstruction's latent model in a form a browser sampler can draw from (the lab's coverage simulation):
 * per item its topic, loading, latent cut points between codes and latent shift per size class, plus the factor
 * correlation matrix. Nothing here changes how the 107 respondents are reconstructed; it only reads design.ts and
 * the output of reconstruct().
 *
 * Latent value of a respondent in size class c for item i: X = λ_i F_topic + √(1 − λ_i²) ε + δ_c, with F ~ N(0, R)
 * over the topics and ε ~ N(0, 1). reconstruct() turns X into codes by rank among the respondents who answered, so
 * the shares are exact in the sample; in an unbounded population the same rule is a cut of X at the quantiles of
 * its mixture over size classes: Σ_c w_c Φ(t_k − δ_c) = share of codes up to k (w_c = who answered the item).
 *
 * Class shifts. reconstruct() tunes δ_c per scale until the class means of *its 107 draws* approach the printed
 * means, so its shifts also absorb the chance in those draws (a class whose factor scores happened to come out low
 * gets a higher shift). Drawn again, those shifts do not give the printed means back, not even their order. For a
 * model to sample from, the scales' shifts are therefore refitted in expectation: δ_c such that the model's mean
 * for class c equals the printed mean (computed exactly from Φ, no simulation). The reconstruction's own shifts
 * are exported next to them. Yes/no items (infrastructure) get δ_c = Φ⁻¹(share Ja in class c) with a cut at 0,
 * which is what ranking within each class does.
 */
import jStat from "jstat";
import type {Codebook} from "../codebook/codebook.ts";
import {itemDesign, seed, sizeClassOrder, topics, type SizeClass} from "./design.ts";
import {largestRemainder} from "./largest-remainder.ts";
import {factorCorrelationMatrix} from "./latent-model.ts";
import type {PublishedTable} from "../../src/components/survey/survey-meta.ts";
import {reconstruct} from "./reconstruct.ts";
import type {SamplerItem, SamplerModel} from "../../src/components/stats/simulate-model.ts";

/** The sampler's item (src/components/stats/simulate-model.ts) with where its numbers came from. */
export interface ExportedItem extends SamplerItem {
  /** Share of each code among those who answered in the reconstruction's design (counts or shares; Ja per class pooled). */
  shares: number[];
  /** "gedrukt" (the report prints the distribution), "bedacht" (invented shares) or "ja-aandeel per klasse". */
  source: "gedrukt" | "bedacht" | "ja-aandeel per klasse";
  /** Respondents who answered the item in the reconstruction, per size class (the mixture weights). */
  answeredPerClass: Record<SizeClass, number>;
  classShift: Record<SizeClass, number>;
  /** The shift reconstruct() used for its 107 draws (0 where it used none). */
  reconstructionShift: Record<SizeClass, number>;
}

export interface ScaleFit {
  scale: string;
  table: string;
  sizeClass: SizeClass;
  printed: number;
  /** Expected class mean with the refitted shifts (what the sampler draws around). */
  model: number;
  /** Expected class mean if the reconstruction's own shifts were used. */
  withReconstructionShifts: number;
}

/** The sampler's model with the seed of the reconstruction and how well the refitted shifts meet the printed means. */
export interface ExportedModel extends SamplerModel {
  seed: number;
  sizeClasses: SizeClass[];
  items: ExportedItem[];
  scaleFits: ScaleFit[];
}

const Phi = (x: number) => (x === Infinity ? 1 : x === -Infinity ? 0 : jStat.normal.cdf(x, 0, 1));
const PhiInv = (p: number) => jStat.normal.inv(p, 0, 1);

/** Cut points t_k with Σ_c w_c Φ(t_k − δ_c) = cumulative share up to code k (bisection to 1e-12). */
export function mixtureCuts(shares: readonly number[], weights: readonly number[], shifts: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const cdf = (t: number) => weights.reduce((s, w, c) => s + (w / total) * Phi(t - shifts[c]), 0);
  const cuts: number[] = [];
  let cumulative = 0;
  for (let k = 0; k < shares.length - 1; k++) {
    cumulative += shares[k];
    let lo = Math.min(...shifts) - 12;
    let hi = Math.max(...shifts) + 12;
    while (hi - lo > 1e-12) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < cumulative) lo = mid;
      else hi = mid;
    }
    cuts.push((lo + hi) / 2);
  }
  return cuts;
}

/** Expected code of X ~ N(shift, 1) cut at `cuts`. */
export function expectedCode(codes: readonly number[], cuts: readonly number[], shift: number): number {
  const bounds = [-Infinity, ...cuts, Infinity];
  return codes.reduce((s, code, k) => s + code * (Phi(bounds[k + 1] - shift) - Phi(bounds[k] - shift)), 0);
}

/** Exports the latent model (see the comment at the top). Runs reconstruct() once (about 0,3 s). */
export function exportReconstructionModel(codebook: Codebook, tables: PublishedTable[]): ExportedModel {
  const {respondents, classShifts} = reconstruct(codebook, tables);
  const zero = () => Object.fromEntries(sizeClassOrder.map((c) => [c, 0])) as Record<SizeClass, number>;
  const codesOf = (responseScale: string) => codebook.response_scales[responseScale].options.map((o) => o.code);

  const items: ExportedItem[] = codebook.items.map((item) => {
    const design = itemDesign[item.id];
    const answeredPerClass = zero();
    for (const r of respondents) if (r.answers[item.id] !== null) answeredPerClass[r.sizeClass]++;
    const answered = sizeClassOrder.reduce((a, c) => a + answeredPerClass[c], 0);
    const codes = codesOf(item.response_scale);
    const scale = item.scale ?? null;
    const reconstructionShift = {...zero(), ...(scale ? classShifts[scale] : design.classShift)};
    if (design.yesShareByClass) {
      // reconstruct() ranks within each class: Ja for the round(share × n_c) highest latent values
      const classShift = zero();
      let yes = 0;
      for (const c of sizeClassOrder) {
        const n = answeredPerClass[c];
        const k = Math.round(design.yesShareByClass[c] * n);
        yes += k;
        const p = Math.min(Math.max(k / n, 0.5 / n), 1 - 0.5 / n);
        classShift[c] = PhiInv(p);
      }
      return {id: item.id, topic: item.topic, scale, loading: design.loading, codes, shares: [1 - yes / answered, yes / answered], source: "ja-aandeel per klasse", answeredPerClass, classShift, reconstructionShift: zero(), cuts: [0]};
    }
    const counts = design.counts ?? largestRemainder(answered, design.shares!);
    const shares = counts.map((k) => k / counts.reduce((a, b) => a + b, 0));
    return {
      id: item.id, topic: item.topic, scale, loading: design.loading, codes, shares, source: design.counts ? "gedrukt" : "bedacht",
      answeredPerClass, classShift: {...reconstructionShift}, reconstructionShift,
      cuts: mixtureCuts(shares, sizeClassOrder.map((c) => answeredPerClass[c]), sizeClassOrder.map((c) => reconstructionShift[c]))
    };
  });

  const setCuts = (item: ExportedItem) => {
    item.cuts = mixtureCuts(item.shares, sizeClassOrder.map((c) => item.answeredPerClass[c]), sizeClassOrder.map((c) => item.classShift[c]));
  };
  const classMean = (scaleItems: ExportedItem[], c: SizeClass) => scaleItems.reduce((s, i) => s + expectedCode(i.codes, i.cuts, i.classShift[c]), 0) / scaleItems.length;

  const scaleFits: ScaleFit[] = [];
  for (const table of tables) {
    const scaleItems = items.filter((i) => i.scale === table.scale);
    const withReconstructionShifts = Object.fromEntries(sizeClassOrder.map((c) => [c, classMean(scaleItems, c)])) as Record<SizeClass, number>;
    // Fixed point as in reconstruct(), but on expected means: move each class's shift by its gap to the printed mean.
    // The shares fix the pooled mean, so only the differences between classes can move; stop when they stop moving.
    for (let round = 0; round < 500; round++) {
      const means = sizeClassOrder.map((c) => classMean(scaleItems, c));
      const gaps = table.rows.map((row) => row.mean - means[sizeClassOrder.indexOf(row.size_class as SizeClass)]);
      const centre = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      if (Math.max(...gaps.map((g) => Math.abs(g - centre))) < 1e-9) break;
      for (const [k, row] of table.rows.entries()) for (const i of scaleItems) i.classShift[row.size_class as SizeClass] += (gaps[k] - centre) / 0.8;
      for (const i of scaleItems) setCuts(i);
    }
    for (const row of table.rows) {
      const c = row.size_class as SizeClass;
      scaleFits.push({scale: table.scale, table: table.id, sizeClass: c, printed: row.mean, model: classMean(scaleItems, c), withReconstructionShifts: withReconstructionShifts[c]});
    }
  }
  return {seed, sizeClasses: [...sizeClassOrder], topics: [...topics], factorCorrelations: factorCorrelationMatrix(), items, scaleFits};
}
