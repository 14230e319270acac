// The steps that bring DuckDB-WASM into the notebook page when a cell first runs: the database module (and with it
// the 30+ MB wasm) is imported only then, the survey tables are read, and the survey functions are defined on the
// notebook's own connection (its named results are temporary tables, which belong to one connection). The
// database's network lock (../../db.ts) holds for every connection.
import type {AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import {registerSurveyFunctions} from "../survey-sql.js";
import type {LoadStep} from "./database-loader.js";
import type {NotebookDatabase} from "./side-panel.js";

type DbModule = typeof import("../../db.js");

export function surveyConnectionSteps(population: Record<string, number>): LoadStep[] {
  return [
    {label: "rekenmodule ophalen", run: () => import("../../db.js")},
    {label: "DuckDB starten en de tabellen van de enquête inlezen", run: async (module) => ({module, survey: await (module as DbModule).surveyDatabase()})},
    {
      label: "enquêtefuncties klaarzetten",
      run: async (loaded): Promise<NotebookDatabase> => {
        const {module, survey} = loaded as {module: DbModule; survey: Awaited<ReturnType<DbModule["surveyDatabase"]>>};
        const connection: AsyncDuckDBConnection = await survey.db.connect();
        await registerSurveyFunctions((sql) => connection.query(sql), {population});
        return {connection, db: survey.db, loadParquetTable: module.loadParquetTable};
      }
    }
  ];
}
