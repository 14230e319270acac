// The factor page's setup (block, items, number of factors, method, rotation) and its place in the URL:
// ?blok=extern&vragen=ext_vakliteratuur,con_regio&factoren=3&methode=minres&rotatie=oblimin.
// Defaults: the first block with all its items, two factors, principal axis, varimax.
import {FACTOR_BLOCKS, type FactorBlock} from "./factor-blocks.js";
import {choiceParam, integerParam, listParam, queryWithState, readUrlState, writeUrlState} from "./url-state.js";

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

function blockSpec(blocks: readonly FactorBlock[]) {
  return {block: choiceParam("blok", blocks.map((b) => b.id), FACTOR_DEFAULTS.block)};
}

function setupSpec(allItems: string[]) {
  return {
    items: listParam("vragen", allItems, allItems),
    factors: integerParam("factoren", {...FACTOR_RANGE, defaultValue: FACTOR_DEFAULTS.factors}),
    method: choiceParam("methode", METHODS, FACTOR_DEFAULTS.method),
    rotation: choiceParam("rotatie", ROTATIONS, FACTOR_DEFAULTS.rotation)
  };
}

/** The setup a query string asks for; `itemIds(block)` lists a block's items. Unknown values give the default. */
export function readFactorSetup(search: string, itemIds: (block: FactorBlock) => string[], blocks: FactorBlock[] = FACTOR_BLOCKS): FactorSetup {
  const {block: blockId} = readUrlState(blockSpec(blocks), search);
  const block = blocks.find((b) => b.id === blockId) ?? blocks[0];
  return {block, ...readUrlState(setupSpec(itemIds(block)), search)};
}

function setupValues(setup: FactorSetup) {
  return {block: setup.block.id, items: setup.items, factors: setup.factors, method: setup.method, rotation: setup.rotation};
}

/** The query of a setup ("?blok=netwerken&factoren=3"), defaults left out; all items of the block count as the default. */
export function factorSetupQuery(setup: FactorSetup, allItems: string[], blocks: readonly FactorBlock[] = FACTOR_BLOCKS): string {
  return queryWithState({...blockSpec(blocks), ...setupSpec(allItems)}, setupValues(setup));
}

/** Puts the setup into the address bar, so the analysis can be shared as a link. */
export function writeFactorSetup(setup: FactorSetup, allItems: string[], blocks: readonly FactorBlock[] = FACTOR_BLOCKS): void {
  writeUrlState({...blockSpec(blocks), ...setupSpec(allItems)}, setupValues(setup));
}

/** The number of factors actually fitted: as asked, but at least 1 and fewer than the items. */
export function factorsFitted(requested: number, items: number): number {
  return Math.min(requested, Math.max(1, items - 1));
}
