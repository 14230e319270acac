// kennisverkenner-data.zip: the whole data package with the file names datapackage.json uses (loaders/write/data-package-zip.ts).
import {dataPackageZip} from "../../loaders/write/data-package-zip.ts";

process.stdout.write(await dataPackageZip());
