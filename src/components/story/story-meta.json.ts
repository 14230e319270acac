// Framework data loader: the codebook and the report's printed numbers in one small JSON file for the story pages.
// (data/ lies outside Framework's root, so the pages cannot attach those files directly.)
import {readFileSync} from "node:fs";

// Read both files from the project's data/ folder (the loader runs with the project root as working directory).
const codebook = JSON.parse(readFileSync("data/codebook.json", "utf8"));
const published = JSON.parse(readFileSync("data/published.json", "utf8"));

// Keep only what the pages show: no identifiers, no withheld background fields.
process.stdout.write(
  JSON.stringify({
    sections: codebook.sections,
    scales: codebook.scales,
    items: codebook.items.map(({id, section, figure, response_scale, scale, topic, text_nl}: any) => ({id, section, figure, response_scale, scale: scale ?? null, topic, text_nl})),
    response_scales: codebook.response_scales,
    population: codebook.population,
    published
  })
);
