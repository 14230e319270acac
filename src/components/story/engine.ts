// One object the pages ask for aggregates. A story page answers every filter change with JavaScript over the
// hyparquet rows (`storyEngine`): the survey is a few hundred rows, and DuckDB-WASM (34 MB) would cost a reader's
// mobile data for nothing. `sqlStoryEngine` answers the same questions through the SQL of engine-sql.ts for pages
// that already have DuckDB open; test/components/story/engines.test.ts checks that both give the same aggregates.
//
// The raw aggregates (per size class x role, over every respondent) depend only on the items (or the scale) and the
// weighting, not on the size or role filter: they are computed once per (items, weighting) and kept, so that a
// filter change only finishes them for the new filter (model.ts), which is a few hundred additions.
import type {Respondent} from "../survey/respondent.js";
import {countAnswers, scaleMoments} from "./engine-js.js";
import {countAnswersSql, scaleMomentsSql} from "./engine-sql.js";
import {finishDistribution, finishMeans, type AnswerCell, type DistributionRow, type MeanRow, type MomentCell, type ResponseOption, type StoryDesign, type StoryFilter} from "./model.js";

/** The questions a story page asks; several implementations answer them (JavaScript, SQL, published tables). */
export interface StoryEngine {
  /** Which implementation answers ("js", "duckdb", ...): figures carry it as data-engine. */
  readonly kind: string;
  distribution(filter: StoryFilter, options: {items: string[]; bySize?: boolean}): Promise<DistributionRow[]>;
  means(filter: StoryFilter, options: {scale: string}): Promise<MeanRow[]>;
}

interface RawAggregates {
  answers(items: string[], weighted: boolean): AnswerCell[] | Promise<AnswerCell[]>;
  moments(scale: string, weighted: boolean): MomentCell[] | Promise<MomentCell[]>;
}

interface EngineOptions {
  /** The answer options of an item, in code order. */
  options: (item: string) => ResponseOption[];
  design: StoryDesign;
}

/** An engine from raw aggregates: each (items or scale, weighting) is asked once, then finished per filter. */
function aggregateEngine(kind: string, raw: RawAggregates, {options, design}: EngineOptions): StoryEngine {
  const answers = new Map<string, AnswerCell[] | Promise<AnswerCell[]>>();
  const moments = new Map<string, MomentCell[] | Promise<MomentCell[]>>();
  const remember = <T>(cache: Map<string, T | Promise<T>>, key: string, compute: () => T | Promise<T>) => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key)!;
  };
  return {
    kind,
    async distribution(filter, {items, bySize = false}) {
      const {weighted} = filter;
      const cells = await remember(answers, `${weighted}\u0000${items.join("\u0000")}`, () => raw.answers(items, weighted));
      return finishDistribution(cells, {items, options, filter, design, bySize});
    },
    async means(filter, {scale}) {
      const {weighted} = filter;
      const cells = await remember(moments, `${weighted}\u0000${scale}`, () => raw.moments(scale, weighted));
      return finishMeans(cells, {filter, design});
    }
  };
}

/** The story pages' engine: JavaScript over the respondents decoded with hyparquet. */
export function storyEngine({respondents, ...options}: EngineOptions & {respondents: readonly Respondent[]}): StoryEngine {
  return aggregateEngine("js", {
    answers: (items, weighted) => countAnswers(respondents, {items, weighted}),
    moments: (scale, weighted) => scaleMoments(respondents, {scale, weighted})
  }, options);
}

type Query = (sql: string) => Promise<{toArray(): Array<{toJSON(): any}>}>;

/** The same engine over DuckDB's tables respondents and answers, for a page that has the database open. */
export function sqlStoryEngine({query, ...options}: EngineOptions & {query: Query}): StoryEngine {
  const rows = async <T>(sql: string): Promise<T[]> => (await query(sql)).toArray().map((row) => row.toJSON() as T);
  return aggregateEngine("duckdb", {
    answers: (items, weighted) => rows<AnswerCell>(countAnswersSql({items, weighted})),
    moments: (scale, weighted) => rows<MomentCell>(scaleMomentsSql({scale, weighted}))
  }, options);
}
