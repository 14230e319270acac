// respondents.csv: the published respondents (same rows and columns as respondents.parquet), UTF-8, comma (loaders/formats/site-export.ts).
import {respondentsCsv, siteData} from "../../loaders/formats/site-export.ts";

process.stdout.write(respondentsCsv(await siteData()));
