// response_options.parquet: the response_options table of data/raw/responses.csv, validated against the codebook (see loaders/).
import {publishedParquet} from "../../loaders/pipeline/published-parquet.ts";

process.stdout.write(await publishedParquet("response_options"));
