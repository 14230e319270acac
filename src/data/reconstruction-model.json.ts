// reconstruction-model.json: the reconstruction's latent model for the coverage simulation on /lab/onzekerheid
// (pages cannot import from loaders/, so this loader hands it over): per item topic, loading, cut points and class
// shifts, and the topics' correlation matrix. See loaders/reconstruct/model-export.ts for what is model and what is report.
import {readFileSync} from "node:fs";
import {loadCodebook} from "../../loaders/codebook/load-codebook.ts";
import {exportReconstructionModel} from "../../loaders/reconstruct/model-export.ts";

// The printed tables the model's class shifts are fitted to.
const published = JSON.parse(readFileSync("data/published.json", "utf8"));
process.stdout.write(JSON.stringify(exportReconstructionModel(loadCodebook(), published.tables)));
