// items.parquet: the items table of data/raw/responses.csv, validated against the codebook (see loaders/).
import {publishedParquet} from "../../loaders/pipeline/published-parquet.ts";

process.stdout.write(await publishedParquet("items"));
