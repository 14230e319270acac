// Framework data loader: the first chart of a chapter page as a static SVG (e.g. figuur-1.svg), drawn at build time
// with the default filter. Pages show it until their live chart is drawn. DOM for Plot: jsdom (Framework's own).
import {readFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {JSDOM} from "jsdom";
import {publishedParquet} from "../../../../loaders/pipeline/published-parquet.ts";
import {readParquetRows} from "../../parquet.ts";
import {prerenderFirstChart} from "../first-charts.ts";
import type {Respondent} from "../model.ts";

// Which figure: Framework passes the [figure] part of the file name as --figure.
const {values} = parseArgs({options: {figure: {type: "string"}}});

// The same respondents table the site publishes, and the codebook and printed numbers.
const respondents = (await readParquetRows(await publishedParquet("respondents"))) as Respondent[];
const codebook = JSON.parse(readFileSync("data/codebook.json", "utf8"));
const published = JSON.parse(readFileSync("data/published.json", "utf8"));

// Draw with the browser's chart components in a jsdom document and write the SVG.
const {document} = new JSDOM("<!doctype html><html><body></body></html>").window;
const svg = prerenderFirstChart(values.figure!, respondents, {items: codebook.items, response_scales: codebook.response_scales, published}, {document});
process.stdout.write(svg.outerHTML);
