/** A typed table ready to be written as Parquet. */
export type ColumnType = "VARCHAR" | "INTEGER" | "DOUBLE";
export type Cell = string | number | null;

export interface OutputColumn {
  name: string;
  type: ColumnType;
}

export interface OutputTable {
  name: string;
  columns: OutputColumn[];
  rows: Cell[][];
}
