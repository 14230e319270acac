/**
 * What every reader (CSV, Dutch CSV, .sav, .xlsx) produces: the export as text cells, before
 * validation against the codebook. Empty string = no answer. Positions are kept so that
 * validation can name the line (or record) and column of a bad cell.
 */
export interface RawTable {
  /** The file as the user named it, used in error messages. */
  file: string;
  /** Header names, in file order. */
  columns: string[];
  rows: RawRow[];
  /** "line" for text formats (line numbers, header = line 1), "record" for binary formats (1-based record numbers). */
  unit: "line" | "record";
  /** Optional per-column value labels a format carried (e.g. SPSS value labels): column -> code -> label. */
  valueLabels?: Record<string, Record<string, string>>;
  /** Optional per-column user-missing codes (SPSS): such cells are read as unanswered. */
  missingCodes?: Record<string, string[]>;
}

export interface RawRow {
  /** Line (or record) where the row starts. */
  line: number;
  /** One cell per column, trimmed; "" when empty. */
  cells: string[];
}
