// survey-meta.json: the codebook, the report's printed numbers and the data's provenance as one object for every page
// (types and helpers: src/components/survey/survey-meta.ts).
import {siteMeta} from "../../loaders/pipeline/site-data.ts";

process.stdout.write(JSON.stringify(await siteMeta()));
