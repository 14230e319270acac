// The schema browser's contents: tables, columns and types from DuckDB's catalog, and for item columns
// the Dutch question and its answer labels from the codebook tables (items, response_options).
import type {Table} from "apache-arrow";
import {tableRows} from "./columns.js";

export interface CatalogColumn {
  table_name: string;
  column_name: string;
  data_type: string;
}

export interface ItemInfo {
  item_id: string;
  text_nl: string;
  /** "1 Onvoldoende · 2 Voldoende · ..." */
  labels: string | null;
  scale: string | null;
}

export interface SchemaColumn {
  name: string;
  type: string;
  /** The Dutch question for an item column, or what a scale column is. */
  question?: string;
  labels?: string;
}

export interface SchemaTable {
  name: string;
  columns: SchemaColumn[];
  /** True for files the reader dropped on the page. */
  own: boolean;
}

export const surveyTables = ["respondents", "answers", "items", "response_options"];

/** The catalog query: every column of every table in the main schema, in table and column order. */
export const catalogSql = `SELECT table_name, column_name, data_type
FROM duckdb_columns()
WHERE schema_name = 'main' AND NOT internal AND table_name NOT LIKE '\\_\\_%' ESCAPE '\\'
ORDER BY table_name, column_index`;

/** The codebook query: question text and answer labels per item (null when the survey tables are not loaded). */
export const itemInfoSql = `SELECT i.item_id, i.text_nl, i.scale,
  string_agg(o.code || ' ' || o.label, ' · ' ORDER BY o.code) AS labels
FROM items i
LEFT JOIN response_options o USING (response_scale)
GROUP BY i.item_id, i.text_nl, i.scale, i.item_order
ORDER BY i.item_order`;

/** Survey tables first (in their usual order), then the reader's own tables; item columns annotated. */
export function schemaTree(columns: CatalogColumn[], items: ItemInfo[] = []): SchemaTable[] {
  const byItem = new Map(items.map((i) => [i.item_id, i]));
  const scaleItems = new Map<string, string[]>();
  for (const item of items) if (item.scale) scaleItems.set(item.scale, [...(scaleItems.get(item.scale) ?? []), item.item_id]);
  const tables = new Map<string, SchemaTable>();
  for (const {table_name, column_name, data_type} of columns) {
    const table = tables.get(table_name) ?? {name: table_name, columns: [], own: !surveyTables.includes(table_name)};
    tables.set(table_name, table);
    const column: SchemaColumn = {name: column_name, type: data_type};
    const item = table_name === "respondents" ? byItem.get(column_name) : undefined;
    if (item) {
      column.question = item.text_nl;
      if (item.labels) column.labels = item.labels;
    } else if (table_name === "respondents" && scaleItems.has(column_name)) {
      const members = scaleItems.get(column_name)!;
      column.question = `Schaalscore: gemiddelde van ${members.length} vragen (${members.join(", ")}), alleen als ze alle beantwoord zijn`;
    }
    table.columns.push(column);
  }
  const rank = (t: SchemaTable) => (t.own ? surveyTables.length : surveyTables.indexOf(t.name));
  return [...tables.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Table -> columns, for the editor's completion. */
export function completionSchema(tables: SchemaTable[]): Record<string, string[]> {
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

/** Reads the catalog and the codebook tables with `query` and gives the schema tree. */
export async function readSchema(query: (sql: string) => Promise<Table>): Promise<SchemaTable[]> {
  const catalog = tableRows(await query(catalogSql)).map(([table_name, column_name, data_type]) => ({table_name, column_name, data_type}) as CatalogColumn);
  let items: ItemInfo[] = [];
  if (catalog.some((c) => c.table_name === "items") && catalog.some((c) => c.table_name === "response_options")) {
    items = tableRows(await query(itemInfoSql)).map(([item_id, text_nl, scale, labels]) => ({item_id, text_nl, scale, labels}) as ItemInfo);
  }
  return schemaTree(catalog, items);
}
