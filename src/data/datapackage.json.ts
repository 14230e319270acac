// datapackage.json: a Frictionless data package describing the published files (loaders/formats/site-export.ts).
import {dataPackage} from "../../loaders/formats/site-export.ts";

process.stdout.write(JSON.stringify(dataPackage(), null, 2) + "\n");
