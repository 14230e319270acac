// The factor page's setup (block, items, number of factors, method, rotation) and its place in the URL:
// ?blok=extern&vragen=ext_vakliteratuur,con_regio&factoren=3&methode=minres&rotatie=oblimin.
// Defaults: the first block with all its items, two factors, principal axis, varimax.
import {FACTOR_BLOCKS, type FactorBlock} from "./factor-blocks.js";
import {choiceParam, integerParam, subsetParam} from "./url-state.js";

export type CommonFactorMethod = "pa" | "minres";
export type Rotation = "varimax" | "oblimin";

export const METHODS: readonly CommonFactorMethod[] = ["pa", "minres"];
export const ROTATIONS: readonly Rotation[] = ["varimax", "oblimin"];
/** The factor count control's range. */
export const FACTOR_RANGE = {min: 1, max: 4} as const;

export interface FactorSetup {
  block: FactorBlock;
  /** Item ids, in codebook order. */
  items: string[];
  factors: number;
  method: CommonFactorMethod;
  rotation: Rotation;
}

export const FACTOR_DEFAULTS = {block: FACTOR_BLOCKS[0].id, factors: 2, method: "pa", rotation: "varimax"} as const;

/** The setup a query string asks for; `itemIds(block)` lists a block's items. Unknown values give the default. */
export function readFactorSetup(search: string, itemIds: (block: FactorBlock) => string[], blocks: FactorBlock[] = FACTOR_BLOCKS): FactorSetup {
  const blockId = choiceParam(search, "blok", blocks.map((b) => b.id), FACTOR_DEFAULTS.block);
  const block = blocks.find((b) => b.id === blockId) ?? blocks[0];
  const all = itemIds(block);
  return {
    block,
    items: subsetParam(search, "vragen", all, all),
    factors: integerParam(search, "factoren", FACTOR_RANGE, FACTOR_DEFAULTS.factors),
    method: choiceParam(search, "methode", METHODS, FACTOR_DEFAULTS.method),
    rotation: choiceParam(search, "rotatie", ROTATIONS, FACTOR_DEFAULTS.rotation)
  };
}

/** The URL parameters of a setup: null where it is the default (all items of the block count as the default). */
export function factorSetupParams(setup: FactorSetup, allItems: string[]): Record<string, string | null> {
  const everyItem = setup.items.length === allItems.length && allItems.every((id) => setup.items.includes(id));
  return {
    blok: setup.block.id === FACTOR_DEFAULTS.block ? null : setup.block.id,
    vragen: everyItem ? null : setup.items.join(","),
    factoren: setup.factors === FACTOR_DEFAULTS.factors ? null : String(setup.factors),
    methode: setup.method === FACTOR_DEFAULTS.method ? null : setup.method,
    rotatie: setup.rotation === FACTOR_DEFAULTS.rotation ? null : setup.rotation
  };
}

/** The number of factors actually fitted: as asked, but at least 1 and fewer than the items. */
export function factorsFitted(requested: number, items: number): number {
  return Math.min(requested, Math.max(1, items - 1));
}
