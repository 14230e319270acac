// protected-tables.json: in protected publication mode, the story's aggregates for every filter, with small groups
// suppressed (loaders/protect/protected-tables.ts); in open mode only {"publication": "open"}.
import {siteData} from "../../loaders/pipeline/site-data.ts";

const data = await siteData();
process.stdout.write(JSON.stringify(data.protection?.tables ?? {publication: "open"}));
