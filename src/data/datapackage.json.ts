// datapackage.json: a Frictionless data package describing the published files (loaders/write/site-export.ts).
import {dataPackage, siteData} from "../../loaders/write/site-export.ts";

process.stdout.write(JSON.stringify(dataPackage(await siteData()), null, 2) + "\n");
