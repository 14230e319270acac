// kennisverkenner.sav: the published respondents as an SPSS file with variable and value labels (loaders/write/site-export.ts).
import {kennisverkennerSav, siteData} from "../../loaders/write/site-export.ts";

process.stdout.write(kennisverkennerSav(await siteData()));
