// site.zip: every data file the pages read (data/site/survey-meta.json, respondents.parquet, ...; the list is in
// loaders/write/site-files.ts), made in one process; Framework unpacks each file a page names. In protected
// publication mode the disclosure summary is printed for the publisher. A fixed date keeps the zip reproducible.
import {zipSync, type Zippable} from "fflate";
import {siteData} from "../../loaders/pipeline/site-data.ts";
import {disclosureSummary} from "../../loaders/protect/disclosure-summary.ts";
import {siteFiles} from "../../loaders/write/site-files.ts";

const files = await siteFiles();
const report = (await siteData()).protection?.disclosure;
if (report) process.stderr.write(disclosureSummary(report) + "\n");
const zippable: Zippable = {};
for (const [name, bytes] of Object.entries(files)) zippable[name] = [bytes, {mtime: new Date(2022, 0, 1)}];
process.stdout.write(zipSync(zippable));
