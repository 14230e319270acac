// datapackage.json: a Frictionless data package describing the published files (loaders/formats/site-export.ts).
import {dataPackage, siteData} from "../../loaders/formats/site-export.ts";

process.stdout.write(JSON.stringify(dataPackage(await siteData()), null, 2) + "\n");
