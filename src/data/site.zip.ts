// site.zip: every data file the pages read (data/site/survey-meta.json, respondents.parquet, ...; the list is in
// loaders/write/site-files.ts), made in one process; Framework unpacks each file a page names. A fixed date keeps the
// zip reproducible. (The disclosure summary of a protected publication is printed by the configuration, on every
// build: loaders/pipeline/site-config.ts.)
import {zipSync, type Zippable} from "fflate";
import {siteFiles} from "../../loaders/write/site-files.ts";

const files = await siteFiles();
const zippable: Zippable = {};
for (const [name, bytes] of Object.entries(files)) zippable[name] = [bytes, {mtime: new Date(2022, 0, 1)}];
process.stdout.write(zipSync(zippable));
