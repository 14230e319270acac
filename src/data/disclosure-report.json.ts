// disclosure-report.json: in protected publication mode, which cells were suppressed and why, and how close the
// synthetic responses come to real ones (loaders/protect/disclosure.ts); also printed for the publisher at build
// time. In open mode only {"publication": "open"}.
import {siteData} from "../../loaders/pipeline/site-data.ts";
import {disclosureSummary} from "../../loaders/protect/disclosure-summary.ts";

const data = await siteData();
const report = data.protection?.disclosure;
if (report) process.stderr.write(disclosureSummary(report) + "\n");
process.stdout.write(JSON.stringify(report ?? {publication: "open"}));
