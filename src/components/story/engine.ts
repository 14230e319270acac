// One object the pages ask for aggregates. It answers with JavaScript over the hyparquet rows until DuckDB-WASM
// is ready, then through SQL queries in DuckDB; `startDuckDB()` is called after the first charts are drawn.
import {countAnswers, scaleMoments} from "./engine-js.js";
import {countAnswersSql, scaleMomentsSql} from "./engine-sql.js";
import {
  finishDistribution,
  finishMeans,
  groupsOf,
  type DistributionRow,
  type MeanRow,
  type RawCount,
  type RawMoments,
  type Respondent,
  type ResponseOption,
  type StoryFilter
} from "./model.js";

type Query = (sql: string) => Promise<{toArray(): Array<{toJSON(): any}>}>;

export interface StoryEngine {
  /** "js" until DuckDB has loaded, then "duckdb". */
  readonly kind: "js" | "duckdb";
  distribution(filter: StoryFilter, options: {items: string[]; bySize?: boolean}): Promise<DistributionRow[]>;
  means(filter: StoryFilter, options: {scale: string}): Promise<MeanRow[]>;
  /** Loads DuckDB-WASM in the background; resolves when later questions go to DuckDB. */
  startDuckDB(): Promise<void>;
}

export function storyEngine({respondents, options, loadDuckDB}: {
  respondents: Respondent[];
  /** The answer options of an item, in code order. */
  options: (item: string) => ResponseOption[];
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
      const raw = query ? await rows<RawCount>(countAnswersSql(filter, {items, bySize})) : countAnswers(respondents, filter, {items, bySize});
      return finishDistribution(raw, {items, options, groups: groupsOf(filter, bySize)});
    },
    async means(filter, {scale}) {
      const raw = query ? await rows<RawMoments>(scaleMomentsSql(filter, {scale})) : scaleMoments(respondents, filter, {scale});
      return finishMeans(raw, groupsOf(filter, true));
    },
    startDuckDB() {
      if (!loadDuckDB) return Promise.resolve();
      return (starting ??= loadDuckDB().then((q) => {
        query = q;
        // For tests and benchmarks: which engine answers now.
        if (typeof window !== "undefined") (window as any).__storyEngineKind = "duckdb";
      }));
    }
  };
}
