// Framework data loader: the first chart of every chapter page as a static SVG (prerender/figuur-1.svg, ...), drawn
// at build time with the default filter, in one zip that Framework unpacks per file. Pages show each chart until
// their live chart is drawn. One process draws all ten: a loader per chart would start node, read the site's data
// and load Plot and jsdom ten times over. DOM for Plot: jsdom (Framework's own).
import {strToU8, zipSync, type Zippable} from "fflate";
import {JSDOM} from "jsdom";
import {publishedParquet} from "../../../loaders/pipeline/published-parquet.ts";
import {siteData} from "../../../loaders/pipeline/site-data.ts";
import {readParquetRows} from "../parquet.ts";
import {toRespondent} from "../survey/respondent.ts";
import {FIRST_CHARTS, prerenderFirstChart} from "./first-charts.ts";

// The same respondents table and survey metadata the site publishes (and, in protected publication, the tables the
// story reads: the first charts show the real aggregates, not the synthetic rows' intervals).
const respondents = (await readParquetRows(await publishedParquet("respondents"))).map(toRespondent);
const {meta, protection} = await siteData();

// Draw each chart with the browser's chart components in a jsdom document; a fixed date keeps the zip reproducible.
const {document} = new JSDOM("<!doctype html><html><body></body></html>").window;
const files: Zippable = {};
for (const id of FIRST_CHARTS) files[`${id}.svg`] = [strToU8(prerenderFirstChart(id, respondents, meta, {document, tables: protection?.tables}).outerHTML), {mtime: new Date(2022, 0, 1)}];
process.stdout.write(zipSync(files));
