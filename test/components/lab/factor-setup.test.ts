import {describe, it, expect} from "vitest";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {readFactorSetup, factorSetupQuery, factorsFitted, FACTOR_DEFAULTS} from "../../../src/components/lab/factor-setup.ts";
import {FACTOR_BLOCKS, itemsOfBlock} from "../../../src/components/lab/factor-blocks.ts";

const codebook = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../data/codebook.json"), "utf8"));
const itemIds = (block: (typeof FACTOR_BLOCKS)[number]) => itemsOfBlock(codebook.items as {id: string; topic: string}[], block).map((i) => i.id);

describe("readFactorSetup", () => {
  it("without a query: the first block with all its items, two factors, principal axis, varimax", () => {
    const setup = readFactorSetup("", itemIds);
    expect(setup.block.id).toBe(FACTOR_DEFAULTS.block);
    expect(setup.items).toEqual(itemIds(FACTOR_BLOCKS[0]));
    expect([setup.factors, setup.method, setup.rotation]).toEqual([2, "pa", "varimax"]);
  });
  it("reads the Heywood setup a teacher would share", () => {
    const setup = readFactorSetup("?blok=extern&factoren=3&methode=minres&rotatie=oblimin", itemIds);
    expect(setup.block.topics).toEqual(["externe_kennis", "externe_contacten"]);
    expect(setup.items).toHaveLength(9);
    expect([setup.factors, setup.method, setup.rotation]).toEqual([3, "minres", "oblimin"]);
  });
  it("each unknown value falls back to its own default, the others stay", () => {
    const setup = readFactorSetup("?blok=onbekend&factoren=9&methode=ml&rotatie=promax&vragen=net_intern", itemIds);
    expect(setup.block.id).toBe(FACTOR_DEFAULTS.block);
    expect(setup.items).toEqual(itemIds(FACTOR_BLOCKS[0])); // net_intern is not in the first block
    expect([setup.factors, setup.method, setup.rotation]).toEqual([2, "pa", "varimax"]);
    expect(readFactorSetup("?blok=netwerken&factoren=9", itemIds).block.id).toBe("netwerken");
  });
  it("an item list of the block is kept in codebook order", () => {
    const setup = readFactorSetup("?blok=netwerken&vragen=beh_elders,net_intern,beh_regionaal", itemIds);
    expect(setup.items).toEqual(["net_intern", "beh_regionaal", "beh_elders"]);
  });
});

describe("factorSetupQuery", () => {
  it("round-trips through the URL and leaves defaults out", () => {
    const setup = readFactorSetup("?blok=netwerken&vragen=net_intern,net_extern,beh_elders&factoren=3&methode=minres", itemIds);
    const query = factorSetupQuery(setup, itemIds(setup.block));
    expect(query).toBe("?blok=netwerken&vragen=net_intern,net_extern,beh_elders&factoren=3&methode=minres");
    expect(readFactorSetup(query, itemIds)).toEqual(setup);
    expect(factorSetupQuery(readFactorSetup("", itemIds), itemIds(FACTOR_BLOCKS[0]))).toBe("");
  });
});

describe("factorsFitted", () => {
  it("fewer factors than items, at least one", () => {
    expect(factorsFitted(4, 3)).toBe(2);
    expect(factorsFitted(2, 9)).toBe(2);
    expect(factorsFitted(3, 1)).toBe(1);
  });
});

describe("FACTOR_BLOCKS", () => {
  it("every topic is in the codebook and every block has items; ids are unique", () => {
    for (const b of FACTOR_BLOCKS) {
      for (const t of b.topics) expect(Object.keys(codebook.topics)).toContain(t);
      expect(itemIds(b).length).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(FACTOR_BLOCKS.map((b) => b.id)).size).toBe(FACTOR_BLOCKS.length);
  });
});
