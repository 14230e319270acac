// KV_PUBLICATION: open for the reconstruction and protected for an export unless the publisher says otherwise; open
// publishes the data as they are (the reconstruction unchanged), protected publishes synthetic responses only.
import {beforeAll, describe, expect, test} from "vitest";
import {InputError} from "../../loaders/input-error.ts";
import {exportTables} from "../../loaders/pipeline/ingest.ts";
import {readSiteData} from "../../loaders/pipeline/site-data.ts";
import {reconstructedExport, siteSource} from "../../loaders/pipeline/site-source.ts";
import {dataStatement} from "../../loaders/pipeline/site-provenance.ts";
import {publicationMode, publicationSetting} from "../../loaders/protect/publication-mode.ts";
import {dataNotice, SYNTHETIC_PHRASE} from "../../src/components/survey/provenance.ts";
import {protectedExportData} from "./protected-export-data.ts";

describe("KV_PUBLICATION", () => {
  test("unset: open for the reconstruction, protected for an export; set: as given", () => {
    expect(publicationMode(publicationSetting({}), true)).toBe("open");
    expect(publicationMode(publicationSetting({KV_PUBLICATION: ""}), false)).toBe("protected");
    expect(publicationMode(publicationSetting({KV_PUBLICATION: "open"}), false)).toBe("open");
    expect(publicationMode(publicationSetting({KV_PUBLICATION: "protected"}), true)).toBe("protected");
    expect(siteSource({KV_PUBLICATION: "protected"}).publication).toBe("protected");
  });

  test("anything else stops the build with what was expected", () => {
    expect(() => publicationSetting({KV_PUBLICATION: "beschermd"})).toThrow(InputError);
    expect(() => publicationSetting({KV_PUBLICATION: "beschermd"})).toThrow(/KV_PUBLICATION: expected open .* or protected/);
  });
});

describe("what each mode publishes", () => {
  let data: Awaited<ReturnType<typeof protectedExportData>>;
  beforeAll(async () => {
    data = await protectedExportData();
  });

  test("the reconstruction is published in open mode, its tables exactly as the pipeline makes them", async () => {
    const site = await readSiteData({exportFile: reconstructedExport});
    expect(site.provenance.publication).toBe("open");
    expect(site.protection).toBeUndefined();
    expect(site.tables).toEqual((await exportTables(reconstructedExport)).tables);
  });

  test("an export in open mode publishes its own tables; in protected mode (the default) synthetic ones", async () => {
    const open = await readSiteData({exportFile: data.exportFile, publication: "open"}).catch((e) => e);
    // The export has a group of 4: open publication refuses it (k-anonymity), protected publication takes it.
    expect(open).toBeInstanceOf(Error);
    const site = await readSiteData({exportFile: data.exportFile});
    expect(site.provenance.publication).toBe("protected");
    expect(site.tables).toEqual(data.protection.syntheticTables);
    expect(site.tables.find((t) => t.name === "respondents")!.rows).not.toEqual(data.tables.find((t) => t.name === "respondents")!.rows);
    expect(site.provenance.note_nl).toContain(SYNTHETIC_PHRASE);
    expect(dataStatement(site.provenance).nl).toContain(SYNTHETIC_PHRASE);
    expect(dataNotice(site.provenance)).toContain(SYNTHETIC_PHRASE);
    expect(dataNotice(site.provenance, "tables")).toContain("beschermde tabellen");
  });
});
