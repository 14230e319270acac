// Framework data loader: the first chart of a chapter page as a static SVG (e.g. figuur-1.svg), drawn at build time
// with the default filter. Pages show it until their live chart is drawn. DOM for Plot: jsdom (Framework's own).
import {parseArgs} from "node:util";
import {JSDOM} from "jsdom";
import {publishedParquet} from "../../../../loaders/pipeline/published-parquet.ts";
import {siteData} from "../../../../loaders/pipeline/site-data.ts";
import {readParquetRows} from "../../parquet.ts";
import {toRespondent} from "../../survey/respondent.ts";
import {prerenderFirstChart} from "../first-charts.ts";

// Which figure: Framework passes the [figure] part of the file name as --figure.
const {values} = parseArgs({options: {figure: {type: "string"}}});

// The same respondents table and survey metadata the site publishes (and, in protected publication, the tables the
// story reads).
const respondents = (await readParquetRows(await publishedParquet("respondents"))).map(toRespondent);
const {meta, protection} = await siteData();

// Draw with the browser's chart components in a jsdom document and write the SVG.
const {document} = new JSDOM("<!doctype html><html><body></body></html>").window;
process.stdout.write(prerenderFirstChart(values.figure!, respondents, meta, {document, tables: protection?.tables}).outerHTML);
