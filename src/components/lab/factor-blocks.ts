// The blocks of questions the factor page offers: one or two of the report's topics at a time, the pairs in which
// the report saw a split it had not expected (chapters 1.2 + 1.4, 1.5 + 1.8, 1.9), plus two more. With about 80
// complete answers a factor analysis of all 47 questions at once cannot be defended.

export interface FactorBlock {
  /** Short key in the URL (?blok=extern). */
  id: string;
  label: string;
  /** Codebook topics whose items form the block. */
  topics: string[];
}

export const FACTOR_BLOCKS: FactorBlock[] = [
  {id: "beschikbaarheid", label: "Beschikbaarheid + managen van kennis (1.2, 1.4)", topics: ["beschikbaarheid", "kennismanagement"]},
  {id: "netwerken", label: "Faciliteren + behoefte aan kennisnetwerken (1.5, 1.8)", topics: ["faciliteren_netwerken", "behoefte_netwerken"]},
  {id: "inwoners", label: "Inwoners peilen + betrekken (1.9)", topics: ["inwoners_peilen", "inwoners_betrekken"]},
  {id: "extern", label: "Externe kennis + externe contacten (1.6, 1.7)", topics: ["externe_kennis", "externe_contacten"]},
  {id: "evaluatie", label: "Beleidsevaluatie (1.10)", topics: ["evaluatie"]}
];

/** The block's items in codebook order. */
export function itemsOfBlock<T extends {topic: string}>(items: readonly T[], block: FactorBlock): T[] {
  return items.filter((i) => block.topics.includes(i.topic));
}
