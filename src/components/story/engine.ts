// One object the pages ask for aggregates. It answers with JavaScript over the hyparquet rows until DuckDB-WASM
// is ready, then through SQL queries in DuckDB; `startDuckDB()` is called after the first charts are drawn.
import type {Respondent} from "../survey/respondent.js";
import {countAnswers, scaleMoments} from "./engine-js.js";
import {countAnswersSql, scaleMomentsSql} from "./engine-sql.js";
import {finishDistribution, finishMeans, type AnswerCell, type DistributionRow, type MeanRow, type MomentCell, type ResponseOption, type StoryDesign, type StoryFilter} from "./model.js";

type Query = (sql: string) => Promise<{toArray(): Array<{toJSON(): any}>}>;

export interface StoryEngine {
  /** "js" until DuckDB has loaded, then "duckdb". */
  readonly kind: "js" | "duckdb";
  distribution(filter: StoryFilter, options: {items: string[]; bySize?: boolean}): Promise<DistributionRow[]>;
  means(filter: StoryFilter, options: {scale: string}): Promise<MeanRow[]>;
  /** Loads DuckDB-WASM in the background; resolves when later questions go to DuckDB. */
  startDuckDB(): Promise<void>;
}

export function storyEngine({respondents, options, design, loadDuckDB}: {
  respondents: readonly Respondent[];
  /** The answer options of an item, in code order. */
  options: (item: string) => ResponseOption[];
  design: StoryDesign;
  /** Loads the database lazily (a dynamic import of db.ts), so that the first draw does not wait for it. */
  loadDuckDB?: () => Promise<Query>;
}): StoryEngine {
  let query: Query | undefined;
  let starting: Promise<void> | undefined;
  const rows = async <T>(sql: string): Promise<T[]> => (await query!(sql)).toArray().map((row) => row.toJSON() as T);
  return {
    get kind() {
      return query ? "duckdb" : "js";
    },
    async distribution(filter, {items, bySize = false}) {
      const {weighted} = filter;
      const cells = query ? await rows<AnswerCell>(countAnswersSql({items, weighted})) : countAnswers(respondents, {items, weighted});
      return finishDistribution(cells, {items, options, filter, design, bySize});
    },
    async means(filter, {scale}) {
      const {weighted} = filter;
      const cells = query ? await rows<MomentCell>(scaleMomentsSql({scale, weighted})) : scaleMoments(respondents, {scale, weighted});
      return finishMeans(cells, {filter, design});
    },
    startDuckDB() {
      if (!loadDuckDB) return Promise.resolve();
      return (starting ??= loadDuckDB().then((q) => {
        query = q;
        // Test hook: browser tests and the benchmark wait until DuckDB answers.
        if (typeof window !== "undefined") (window as any).__storyEngineKind = "duckdb";
      }));
    }
  };
}
