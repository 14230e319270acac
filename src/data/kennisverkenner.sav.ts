// kennisverkenner.sav: the published respondents as an SPSS file with variable and value labels (loaders/formats/site-export.ts).
import {kennisverkennerSav, siteData} from "../../loaders/formats/site-export.ts";

process.stdout.write(kennisverkennerSav(await siteData()));
