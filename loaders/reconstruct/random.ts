import {randomLcg, randomNormal, randomUniform} from "d3-random";

/** Seeded random draws (d3-random's linear congruential generator: same seed, same numbers, on every machine). */
export interface Random {
  uniform(): number;
  normal(): number;
  /** A uniformly chosen integer in [0, n). */
  integer(n: number): number;
  /** A new array with the elements in random order (Fisher-Yates). */
  shuffle<T>(values: readonly T[]): T[];
  /** k distinct elements chosen at random. */
  sample<T>(values: readonly T[], k: number): T[];
}

export function seededRandom(seed: number): Random {
  const source = randomLcg(seed);
  const uniform = randomUniform.source(source)(0, 1);
  const normal = randomNormal.source(source)(0, 1);
  const integer = (n: number) => Math.min(n - 1, Math.floor(uniform() * n));
  const shuffle = <T>(values: readonly T[]) => {
    const out = values.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = integer(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {uniform, normal, integer, shuffle, sample: (values, k) => {
    if (k > values.length) throw new Error(`cannot sample ${k} of ${values.length}`);
    return shuffle(values).slice(0, k);
  }};
}
