// duckdb.zip: DuckDB-WASM's worker and gzip module (loaders/write/duckdb-files.ts), served as data/duckdb/<name> and
// fetched only where a page opens DuckDB (src/components/db.ts). The module is stored, not compressed again: it is
// gzip already. A fixed date keeps the zip reproducible.
import {zipSync, type Zippable} from "fflate";
import {DUCKDB_MODULE, duckdbFiles} from "../../loaders/write/duckdb-files.ts";

const zippable: Zippable = {};
for (const [name, bytes] of Object.entries(duckdbFiles())) zippable[name] = [bytes, {mtime: new Date(2022, 0, 1), level: name === DUCKDB_MODULE ? 0 : 6}];
process.stdout.write(zipSync(zippable));
