// PSPP checks our writer and our reader: PSPP reads what writeSav writes, and parseSav reads what PSPP writes.
import {copyFileSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {parseSav} from "../../../loaders/read/sav/index.ts";
import {writeSav} from "../../../loaders/write/sav/write.ts";
import {hasPspp, psppMissingMessage, psppTable, psppToCsv, runPspp, tempDir} from "../../helpers/pspp.ts";
import {sampleColumns} from "../../write/sav/write.test.ts";
import {describeWith} from "../../helpers/prerequisite.ts";


describeWith({present: hasPspp, missing: psppMissingMessage})("PSPP reads files written by writeSav", () => {
  for (const compression of ["bytecode", "none"] as const) {
    test(`compression ${compression}: dictionary, value labels, missing values and data`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, "out.sav"), writeSav({columns: sampleColumns, compression}));
      const out = runPspp(dir, "GET FILE='out.sav'.\nDISPLAY DICTIONARY.\nDESCRIPTIVES bes_effectiviteit gewicht.\n");
      const vars = psppTable(out, "Variables");
      expect(vars[0]).toEqual(["Name", "Position", "Label", "Measurement Level", "Role", "Width", "Alignment", "Print Format", "Write Format", "Missing Values"]);
      const byName = Object.fromEntries(vars.slice(1).map((r) => [r[0], r]));
      expect(Object.keys(byName)).toEqual(sampleColumns.map((c) => c.name));
      expect(byName.bes_effectiviteit[2]).toBe("Lokale effectiviteit van beleid");
      expect(byName.bes_effectiviteit[3]).toBe("Ordinal");
      expect(byName.bes_effectiviteit[9]).toBe("9");
      expect(byName.inw_bijeenkomsten[9]).toBe("6 THRU HIGHEST; -1");
      expect(byName.size_class[9]).toBe('"onbekend"');
      expect(byName.rol[9]).toBe('"xx  "'); // PSPP shows the value padded to the width (4)
      expect(byName.toelichting[7]).toBe("A406");
      const labels = psppTable(out, "Value Labels").map((r) => r.slice(1).join("="));
      expect(labels).toEqual(expect.arrayContaining(["1=Onvoldoende", "3=Ruim voldoende", "9[a]=Weet niet", "5=Permanent", "<25.000=Minder dan 25.000 inwoners", "gs=Gemeentesecretaris"]));
      // user-missing 9 and system-missing excluded: mean of 1 and 4
      const desc = psppTable(out, "Descriptive Statistics");
      expect(desc.find((r) => r[0] === "Lokale effectiviteit van beleid")?.slice(1, 3)).toEqual(["2", "2.50"]);
      const csv = psppToCsv(join(dir, "out.sav")).trim().split("\n");
      expect(csv[0]).toBe(sampleColumns.map((c) => c.name).join(","));
      expect(csv[1]).toBe(`r001,1,5,1.25,<25.000,gs,${"é".repeat(200)} einde`);
      const withLabels = psppToCsv(join(dir, "out.sav"), true).trim().split("\n");
      expect(withLabels[1].split(",").slice(1, 3)).toEqual(["Onvoldoende", "Permanent"]);
    });
  }
});

describeWith({present: hasPspp, missing: psppMissingMessage})("parseSav reads files PSPP writes now", () => {
  test("make-fixtures.sps run afresh gives the same dictionary and cases as the committed fixtures", () => {
    const dir = tempDir();
    const sps = new URL("../../fixtures/sav/make-fixtures.sps", import.meta.url);
    copyFileSync(sps, join(dir, "make-fixtures.sps"));
    runPspp(dir, readFileSync(sps, "utf8"));
    for (const name of ["pspp-compressed.sav", "pspp-uncompressed.sav", "pspp-zcompressed.sav", "pspp-windows1252.sav"]) {
      const fresh = parseSav(readFileSync(join(dir, name)), name);
      const committed = parseSav(readFileSync(new URL(`../../fixtures/sav/${name}`, import.meta.url)), name);
      expect({...fresh, creationDate: "", creationTime: "", product: ""}).toEqual({...committed, creationDate: "", creationTime: "", product: ""});
      expect(fresh.cases.length).toBeGreaterThan(1);
    }
  });
});
