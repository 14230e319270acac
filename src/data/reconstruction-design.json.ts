// reconstruction-design.json: the parameters the reconstruction invented (loaders/reconstruct/design.ts), so that
// /lab/synthetisch can show them: the seed, each item's loading on its topic and the topics' correlations.
import {itemDesign, factorCorrelations, baseFactorCorrelation, seed} from "../../loaders/reconstruct/design.ts";

// Loadings by item id; the questions themselves come from survey-meta.json.
const loadings = Object.fromEntries(Object.entries(itemDesign).map(([id, design]) => [id, design.loading]));
process.stdout.write(JSON.stringify({seed, baseFactorCorrelation, factorCorrelations, loadings}));
