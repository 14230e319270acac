// respondents.csv: the published respondents (same rows and columns as respondents.parquet), UTF-8, comma (loaders/write/site-export.ts).
import {respondentsCsv, siteData} from "../../loaders/write/site-export.ts";

process.stdout.write(respondentsCsv(await siteData()));
